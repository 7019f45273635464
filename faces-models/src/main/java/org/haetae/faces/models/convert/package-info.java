/**
 * The build-time conversion of the bundled models: TensorFlow.js weights and topologies to ONNX,
 * written with a small protobuf writer. Nothing here is needed when the models are used.
 */
package org.haetae.faces.models.convert;
