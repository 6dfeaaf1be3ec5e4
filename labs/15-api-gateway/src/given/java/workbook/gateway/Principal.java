package workbook.gateway;

/** Who made a request, as the gateway established it; the services receive the subject in {@code X-Subject}. */
public record Principal(String subject) {
    public static final Principal ANONYMOUS = new Principal("anonymous");
}
