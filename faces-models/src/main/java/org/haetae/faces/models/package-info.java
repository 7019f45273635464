/**
 * The neural network models Haetae's face and explicit-content analysis runs, shipped as ONNX
 * inside this jar; {@link org.haetae.faces.models.BundledModel} lists them and reads their bytes.
 */
package org.haetae.faces.models;
