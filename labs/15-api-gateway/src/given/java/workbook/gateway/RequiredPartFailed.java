package workbook.gateway;

/** A required part of an aggregate failed or timed out: the gateway answers 504. */
public class RequiredPartFailed extends RuntimeException {
    public RequiredPartFailed(String part) {
        super("required part '" + part + "' did not answer in time");
    }
}
