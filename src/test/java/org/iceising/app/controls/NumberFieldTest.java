package org.iceising.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumberFieldTest {

    @Test
    void theNoteSaysWhatWasTypedAndWhatIsUsedInstead() {
        assertEquals("J: \u201c1e9\u201d is outside the range 0 … 5; 5 is used", NumberField.explain("J", " 1e9", 1e9, "5", "0 … 5"));
        assertEquals("Steps: \u201cabc\u201d is not a number; 50000 is kept", NumberField.explain("Steps", "abc", null, "50000", "1,000 … 1,000,000"));
        assertEquals("\u201c-3\u201d is outside the range; 1 is used", NumberField.explain("", "-3", -3, "1", null));
    }
}
