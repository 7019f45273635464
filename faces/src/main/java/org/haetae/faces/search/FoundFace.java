package org.haetae.faces.search;

import org.haetae.faces.detect.Face;
import org.haetae.faces.embed.Descriptor;

/** A face found in an image and its descriptor. */
public record FoundFace(Face face, Descriptor descriptor) {}
