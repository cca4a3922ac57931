package io.tributary.procurement;

import java.time.LocalDate;

/** The supplier's confirmation of one line; a null quantity or date means "as ordered". */
public record AcknowledgeLine(int lineNo, Long quantity, LocalDate promisedDate) {
}
