namespace MovinetExp.Models;

/// <summary>The MoViNet architecture size (spelled a0 … a5; <see cref="MovinetArchitectures"/> holds each one's block table).</summary>
public enum ModelId { A0, A1, A2, A3, A4, A5 }
