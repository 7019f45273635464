package org.haetae.faces.models.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsLiteralTest {

  @Test
  void readsJson() {
    Object v = JsLiteral.parse("{\"a\": [1, -2.5e-3, true, false, null], \"b\": \"x\\\"\\u0041\"}");
    Map<String, Object> m = JsLiteral.asMap(v);
    assertThat(m.keySet()).containsExactly("a", "b");
    assertThat(JsLiteral.list(m, "a")).containsExactly(1.0, -0.0025, true, false, null);
    assertThat(m.get("b")).isEqualTo("x\"A");
  }

  @Test
  void readsMinifiedJavaScriptObjectLiterals() {
    Object v =
        JsLiteral.parse(
            "{modelTopology:{sparse:!1,ok:!0,q:{min:-5.08,scale:.0326,dtype:'uint8'}},s:[[0,1],[0,1]]}");
    Map<String, Object> top = JsLiteral.object(v, "modelTopology");
    assertThat(top.get("sparse")).isEqualTo(false);
    assertThat(top.get("ok")).isEqualTo(true);
    assertThat(JsLiteral.asDouble(JsLiteral.object(top, "q").get("scale"))).isEqualTo(0.0326);
    assertThat(JsLiteral.object(top, "q").get("dtype")).isEqualTo("uint8");
    assertThat(JsLiteral.list(v, "s").stream().map(JsLiteral::asInts).toList())
        .satisfiesExactly(
            a -> assertThat(a).containsExactly(0, 1), a -> assertThat(a).containsExactly(0, 1));
  }

  @Test
  void numbersRoundAsInJavaScript() {
    // The weight scales must be the same doubles TensorFlow.js reads.
    assertThat(JsLiteral.asDouble(JsLiteral.parse("0.0005260649557207145")))
        .isEqualTo(0.0005260649557207145);
    assertThat(JsLiteral.asFloats(JsLiteral.parse("[0.1, 3.4028235e38]")))
        .containsExactly(0.1f, Float.MAX_VALUE);
  }

  @Test
  void parseAtIgnoresWhatFollows() {
    String js = "a.exports={x:[1,2]}},{}]},{},[1])(1)});";
    Object v = JsLiteral.parseAt(js, js.indexOf('{'));
    assertThat(Arrays.stream(JsLiteral.asInts(JsLiteral.asMap(v).get("x"))).boxed().toList())
        .isEqualTo(List.of(1, 2));
  }

  @Test
  void refusesMalformedInput() {
    assertThatThrownBy(() -> JsLiteral.parse("{a:1,}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsLiteral.parse("[1 2]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsLiteral.parse("{a:undefined}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsLiteral.parse("\"open"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsLiteral.asInt(2.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
