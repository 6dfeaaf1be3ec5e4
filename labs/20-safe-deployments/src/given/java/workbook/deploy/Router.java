package workbook.deploy;

/**
 * The load balancer's routing decision, made once per request. {@link #begin} picks the version
 * that serves the request; {@link #end} is called exactly once afterwards with the status the
 * version answered (502 when the version could not be reached or cut the connection).
 */
public interface Router {
    ServiceVersion begin(String user);

    void end(ServiceVersion version, int status);
}
