package org.haetae.faces.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * One ONNX model loaded into ONNX Runtime. A session is safe to run from several threads at once,
 * so each model is loaded once and shared; each run uses one thread, and callers parallelise across
 * images, which on a small machine beats splitting one small convolution over cores.
 */
public final class OnnxModel implements AutoCloseable {
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final String id;
  private final String input;

  private OnnxModel(OrtSession session, String id) throws OrtException {
    this.session = session;
    this.id = id;
    this.input = session.getInputNames().iterator().next();
  }

  /**
   * Loads a model from its bytes.
   *
   * @param id the model's stable id, recorded with everything it computes
   */
  public static OnnxModel load(byte[] model, String id) {
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return new OnnxModel(env.createSession(model, options), id);
    } catch (OrtException e) {
      throw new ModelException("cannot load model " + id + ": " + e.getMessage(), e);
    }
  }

  public String id() {
    return id;
  }

  /**
   * Runs the model on one input tensor.
   *
   * @return each output, flattened, in the model's output order
   */
  public float[][] run(FloatBuffer data, long[] shape) {
    try (OnnxTensor t = OnnxTensor.createTensor(env, data, shape);
        OrtSession.Result r = session.run(Map.of(input, t))) {
      float[][] out = new float[r.size()][];
      for (int i = 0; i < r.size(); i++) {
        OnnxTensor o = (OnnxTensor) r.get(i);
        FloatBuffer fb = o.getFloatBuffer();
        out[i] = new float[fb.remaining()];
        fb.get(out[i]);
      }
      return out;
    } catch (OrtException e) {
      throw new ModelException("model " + id + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new ModelException("cannot close model " + id, e);
    }
  }
}
