package workbook.asyncwork;

/** Thrown by a test's hook to play "the process dies here". */
final class SimulatedCrash extends RuntimeException {
    SimulatedCrash(String where) {
        super("simulated crash " + where);
    }
}
