package workbook.asyncwork;

/** The mailer, the audit log and the chat notifier for one test class, reached directly (no latency). */
final class Services implements AutoCloseable {
    final Downstream email = Downstream.start("mailer");
    final Downstream audit = Downstream.start("audit log");
    final Downstream chat = Downstream.start("chat");

    Downstreams direct() {
        return new Downstreams("127.0.0.1:" + email.port(), "127.0.0.1:" + audit.port(), "127.0.0.1:" + chat.port());
    }

    int calls() {
        return email.calls() + audit.calls() + chat.calls();
    }

    @Override
    public void close() {
        email.close();
        audit.close();
        chat.close();
    }
}
