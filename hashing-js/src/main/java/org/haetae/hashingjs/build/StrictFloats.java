package org.haetae.hashingjs.build;

import java.util.EnumSet;
import java.util.Set;
import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.BinaryInstruction;
import org.teavm.model.instructions.BinaryOperation;
import org.teavm.model.instructions.CastNumberInstruction;
import org.teavm.model.instructions.FloatConstantInstruction;
import org.teavm.model.instructions.InvocationType;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.model.instructions.NumericOperandType;

/**
 * A TeaVM build step (never part of the script) that makes {@code float} arithmetic in Haetae's
 * classes single precision in JavaScript, as it is on the JVM.
 *
 * <p>TeaVM's JavaScript backend keeps every {@code float} in a JavaScript number, a double: {@code
 * a * b + c} on floats is then computed with one rounding to double per step instead of one to
 * float, and float constants and {@code (float)} casts are not rounded at all; only a store into a
 * {@code float[]} (a {@code Float32Array}) rounds. PDQ's running sums, DCT and quality would then
 * differ from the JVM's in the last bits, and its hash in a few. This step rewrites every float
 * addition, subtraction, multiplication, division and remainder, every conversion to float and
 * every float constant so that its result goes through {@link org.haetae.hashingjs.F32#round}
 * ({@code Math.fround}). One operation on two floats computed in double and then rounded to float
 * is exactly the float operation (double has more than twice float's precision), so the script
 * computes bit for bit what the JVM computes.
 */
public final class StrictFloats implements ClassHolderTransformer {
  private static final String PREFIX = "org.haetae.";
  private static final String ROUND_CLASS = "org.haetae.hashingjs.F32";
  private static final Set<BinaryOperation> ARITHMETIC =
      EnumSet.of(
          BinaryOperation.ADD,
          BinaryOperation.SUBTRACT,
          BinaryOperation.MULTIPLY,
          BinaryOperation.DIVIDE,
          BinaryOperation.MODULO);
  private static final MethodReference ROUND =
      new MethodReference(ROUND_CLASS, "round", ValueType.FLOAT, ValueType.FLOAT);

  @Override
  public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
    String name = cls.getName();
    if (!name.startsWith(PREFIX) || name.equals(ROUND_CLASS)) {
      return;
    }
    for (MethodHolder method : cls.getMethods()) {
      Program program = method.getProgram();
      if (program != null) {
        transform(program);
      }
    }
  }

  /** Rewrites one method body; returns how many float results now pass through the rounding. */
  static int transform(Program program) {
    int rewritten = 0;
    for (int i = 0; i < program.basicBlockCount(); i++) {
      BasicBlock block = program.basicBlockAt(i);
      if (block == null) {
        continue;
      }
      for (Instruction insn = block.getFirstInstruction(); insn != null; insn = insn.getNext()) {
        Variable result = floatResult(insn);
        if (result == null) { // not a float result, or one nobody reads
          continue;
        }
        Variable unrounded = program.createVariable();
        setReceiver(insn, unrounded);
        InvokeInstruction round = new InvokeInstruction();
        round.setType(InvocationType.SPECIAL);
        round.setMethod(ROUND);
        round.setArguments(unrounded);
        round.setReceiver(result);
        round.setLocation(insn.getLocation());
        insn.insertNext(round);
        insn = round;
        rewritten++;
      }
    }
    return rewritten;
  }

  /** The receiver of an instruction whose float result JavaScript would not round, else null. */
  private static Variable floatResult(Instruction insn) {
    if (insn instanceof BinaryInstruction b
        && b.getOperandType() == NumericOperandType.FLOAT
        && ARITHMETIC.contains(b.getOperation())) {
      return b.getReceiver();
    }
    if (insn instanceof CastNumberInstruction c
        && c.getTargetType() == NumericOperandType.FLOAT
        && c.getSourceType() != NumericOperandType.FLOAT) {
      return c.getReceiver();
    }
    if (insn instanceof FloatConstantInstruction f) {
      return f.getReceiver();
    }
    return null;
  }

  private static void setReceiver(Instruction insn, Variable v) {
    switch (insn) {
      case BinaryInstruction b -> b.setReceiver(v);
      case CastNumberInstruction c -> c.setReceiver(v);
      case FloatConstantInstruction f -> f.setReceiver(v);
      default -> throw new IllegalArgumentException(insn.getClass().getName());
    }
  }
}
