package workbook.gateway;

/** The gateway refuses a request's credentials: it answers 401 and calls no service. */
public class Rejected extends RuntimeException {
    public Rejected(String reason) {
        super(reason);
    }
}
