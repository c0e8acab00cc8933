#!/bin/bash
V=/work/shared/data/videos/ucf101
FILES=$(find $V -type f | sort)
B=/tmp/before/src/MovinetExp.Cli/bin/Release/net10.0/linux-x64/movinet.dll
A=/work/main/src/MovinetExp.Cli/bin/Release/net10.0/linux-x64/movinet.dll
cd /tmp/loadbench
for r in 1 2 3 4; do
  echo "round $r $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -f "%U %S" -o t1.$r /usr/bin/python3 /work/main/bench/reference/tutorial_loader.py 8 15 224 4 $FILES > tut1.$r.json
  MOVINET_CACHE=/tmp/loadbench/cacheB dotnet $B bench --only load --videos $V --threads 2 --json > before.$r.json 2> before.$r.err
  /usr/bin/time -f "%U %S" -o t2.$r /usr/bin/python3 /work/main/bench/reference/tutorial_loader.py 8 15 224 4 $FILES > tut2.$r.json
  MOVINET_CACHE=/tmp/loadbench/cacheA dotnet $A bench --only load --videos $V --threads 2 --json > after.$r.json 2> after.$r.err
done
echo done $(date +%T)
