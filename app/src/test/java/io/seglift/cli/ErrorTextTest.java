package io.seglift.cli;

import io.seglift.spi.destination.DestinationException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/** Top-level error messages never say "null". */
class ErrorTextTest {

    @Test
    void aMessageEndingInNullIsCompletedFromTheCause() {
        var e = new IllegalStateException("cannot connect to HubSpot at http://127.0.0.1:18681: null",
                new ConnectException());
        assertThat(ErrorText.of(e)).isEqualTo("cannot connect to HubSpot at http://127.0.0.1:18681: connect failure");
    }

    @Test
    void anExceptionWithoutAnyMessageIsNamedInWords() {
        assertThat(ErrorText.of(new NullPointerException())).isEqualTo("null pointer failure");
        assertThat(ErrorText.of(new RuntimeException(new java.net.SocketTimeoutException())))
                .isEqualTo("socket timeout failure");
    }

    @Test
    void messagesOfTheCauseChainAreKept() {
        assertThat(ErrorText.of(new RuntimeException("sync failed", new IllegalArgumentException("bad row"))))
                .isEqualTo("sync failed: bad row");
    }

    @Test
    void theCliNeverPrintsNullForAMessagelessFailure() throws Exception {
        Session session = CliRun.session();
        var cmd = Main.commandLine(session);
        ConnectException cause = new ConnectException();
        DestinationException d = new DestinationException("CONNECT",
                "cannot connect to HubSpot at http://127.0.0.1:18681: " + cause.getMessage(), cause);
        java.io.StringWriter text = new java.io.StringWriter();
        cmd.setErr(new java.io.PrintWriter(text, true));
        int code = cmd.getExecutionExceptionHandler().handleExecutionException(d, cmd, null);
        assertThat(code).isEqualTo(ExitCode.FAILED);
        assertThat(text.toString()).doesNotContain("null").contains("error: destination: cannot connect to HubSpot at http://127.0.0.1:18681: connect failure");
    }
}
