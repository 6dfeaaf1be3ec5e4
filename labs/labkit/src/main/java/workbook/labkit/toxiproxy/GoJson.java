package workbook.labkit.toxiproxy;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** JSON written the way Go's encoding/json writes it, where that differs from Jackson's defaults. */
final class GoJson {
    private GoJson() {
    }

    /** Go escapes {@code < > &} and the line and paragraph separators in strings ({@code \\u003c}), so JSON is safe in HTML. */
    static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            escapes['<'] = CharacterEscapes.ESCAPE_CUSTOM;
            escapes['>'] = CharacterEscapes.ESCAPE_CUSTOM;
            escapes['&'] = CharacterEscapes.ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            boolean goEscapes = ch == '<' || ch == '>' || ch == '&' || ch == 0x2028 || ch == 0x2029;
            return goEscapes ? new SerializedString(String.format("\\u%04x", ch)) : null; // lower-case hex, as Go
        }
    }

    /**
     * A float32 as Go writes it: the fewest digits that read back as the same float, with no ".0"
     * ({@code 1}, {@code 0.5}, {@code 100}), and exponent form only below 1e-6 or from 1e21 on
     * ({@code 1e-7}, {@code 1e+21}).
     */
    static String float32(float value) {
        if (value == 0) {
            return Float.floatToRawIntBits(value) < 0 ? "-0" : "0";
        }
        BigDecimal shortest = shortestDigits(value);
        float magnitude = Math.abs(value);
        if (magnitude >= 1e-6f && magnitude < 1e21f) {
            return shortest.toPlainString();
        }
        // d.ddde-X: Go writes at least two exponent digits, then drops the leading zero of e-0X.
        BigDecimal unscaled = new BigDecimal(shortest.unscaledValue());
        int digits = unscaled.precision();
        int exponent = digits - 1 - shortest.scale();
        String mantissa = unscaled.movePointLeft(digits - 1).toPlainString();
        String sign = exponent < 0 ? "-" : "+";
        String exponentText = String.valueOf(Math.abs(exponent));
        if (exponentText.length() < 2 && exponent > 0) {
            exponentText = "0" + exponentText;
        }
        return mantissa + "e" + sign + exponentText;
    }

    private static BigDecimal shortestDigits(float value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 9; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.floatValue() == value) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(9, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
