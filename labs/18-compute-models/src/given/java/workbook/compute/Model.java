package workbook.compute;

/** The three compute models of source 003, §2.8, from most managed to most controlled. */
public enum Model {
    FUNCTION, CONTAINER, VM
}
