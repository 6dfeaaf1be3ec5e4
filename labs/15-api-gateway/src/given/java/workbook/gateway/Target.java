package workbook.gateway;

/** Where a request goes: the service's name and the path the service sees (the route's prefix stripped). */
public record Target(String service, String path) {
}
