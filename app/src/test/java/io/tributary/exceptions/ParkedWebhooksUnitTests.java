package io.tributary.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParkedWebhooksUnitTests {

    @Test
    void aSubscribersMultiLineErrorBecomesOneLineOfTheSummary() {
        assertThat(ParkedWebhooks.oneLine("Webhook http://h/x: HTTP 500: <html>\r\n  <body>\tdown</body>\n</html>\n"))
                .isEqualTo("Webhook http://h/x: HTTP 500: <html> <body> down</body> </html>");
    }

    @Test
    void aLongSummaryIsCutToWhatTheQueueAccepts() {
        String summary = ParkedWebhooks.oneLine("Webhook " + "x".repeat(800));
        assertThat(summary).hasSize(500).startsWith("Webhook xxx").endsWith("...");
    }
}
