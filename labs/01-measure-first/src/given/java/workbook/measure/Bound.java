package workbook.measure;

/** What limits a request: the CPU it computes on, or the I/O (a database, another service) it waits for. */
public enum Bound {
    CPU,
    IO
}
