package workbook.labkit.infra;

/** A running Redis server: where tests connect, and where Toxiproxy connects. */
public record RedisServerInfo(String host, int port, String internalHost, int internalPort) {
    public String uri() {
        return "redis://" + host + ":" + port;
    }
}
