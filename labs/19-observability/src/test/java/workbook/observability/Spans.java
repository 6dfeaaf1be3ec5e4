package workbook.observability;

/** Builds spans for the tests, in milliseconds after a non-zero start. */
final class Spans {
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final long T0 = 7_000_000_000L;

    private Spans() {
    }

    static Span span(String id, String parent, String name, long fromMs, long toMs) {
        return span(TRACE, id, parent, name, fromMs, toMs, false);
    }

    static Span span(String trace, String id, String parent, String name, long fromMs, long toMs, boolean error) {
        return new Span(trace, id, parent, name.split(" ")[0], name, T0 + fromMs * 1_000_000, T0 + toMs * 1_000_000, error);
    }

    static long ms(long millis) {
        return millis * 1_000_000;
    }
}
