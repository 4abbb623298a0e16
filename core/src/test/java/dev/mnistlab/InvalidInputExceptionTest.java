package dev.mnistlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

    @Test
    void aMessageAboutAFieldStartsWithItsNameWhichAFrontEndMayReplace() {
        InvalidInputException e = new InvalidInputException(InputField.TOP_K, "topK must be between 1 and 10, got 0");

        assertEquals(InputField.TOP_K, e.field().orElseThrow());
        assertEquals("topK must be between 1 and 10, got 0", e.getMessage());
        assertEquals("--top-k must be between 1 and 10, got 0", e.messageNaming("--top-k"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new InvalidInputException(InputField.TOP_K, "--top-k must be between 1 and 10"));
    }

    @Test
    void aProblemPassedOnIsAboutTheCallersField() {
        InvalidInputException model = new InvalidInputException(InputField.MODEL_FOLDER, "modelFolder runs/x is gone");
        InvalidInputException checkpoint = model.about(InputField.CHECKPOINT_FOLDER);

        assertEquals("checkpointFolder runs/x is gone", checkpoint.getMessage());
        assertEquals(InputField.CHECKPOINT_FOLDER, checkpoint.field().orElseThrow());
        InvalidInputException plain = new InvalidInputException("FILE: malformed");
        assertSame(plain, plain.about(InputField.CHECKPOINT_FOLDER));
        assertTrue(plain.field().isEmpty());
        assertEquals("FILE: malformed", plain.messageNaming("--model"));
    }
}
