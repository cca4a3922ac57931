package io.tributary.procurement.domain;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Tells which kind of transaction set an inbound interchange carries, so it can be given to the right reader. */
public final class X12Peek {

    private X12Peek() {
    }

    /** ST01 of the first transaction set, or null when the interchange cannot be read that far (the reader then reports why). */
    public static String firstTransactionSet(String text) {
        try (EDIStreamReader r = EDIInputFactory.newFactory()
                .createEDIStreamReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)))) {
            boolean inSt = false;
            while (r.hasNext()) {
                EDIStreamEvent event = r.next();
                if (event == EDIStreamEvent.START_SEGMENT) {
                    inSt = "ST".equals(r.getText());
                } else if (inSt && event == EDIStreamEvent.ELEMENT_DATA && r.getLocation().getElementPosition() == 1) {
                    return r.getText();
                }
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }
}
