package org.haetae.faces.embed;

/**
 * A face descriptor and the model that made it.
 *
 * @param vector the embedding (face-api's is 128 floats, compared by Euclidean distance)
 */
public record Descriptor(String modelId, float[] vector) {

  /** Euclidean distance; descriptors of different models cannot be compared. */
  public double distance(Descriptor o) {
    if (!modelId.equals(o.modelId) || vector.length != o.vector.length) {
      throw new IllegalArgumentException(
          "descriptors of " + modelId + " and " + o.modelId + " cannot be compared");
    }
    double s = 0;
    for (int i = 0; i < vector.length; i++) {
      double d = vector[i] - o.vector[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Descriptor d
        && d.modelId.equals(modelId)
        && java.util.Arrays.equals(d.vector, vector);
  }

  @Override
  public int hashCode() {
    return modelId.hashCode() * 31 + java.util.Arrays.hashCode(vector);
  }

  @Override
  public String toString() {
    return "Descriptor[" + modelId + ", " + vector.length + " floats]";
  }
}
