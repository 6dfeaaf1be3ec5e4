package workbook.ratelimit;

/**
 * What a limiter that depends on Redis answers when Redis does not answer in time (Task 6). There is
 * no right answer for every endpoint; the wrong answer is not having chosen.
 */
public enum FailureMode {
    /** Allow the request: the API keeps working, unprotected, while Redis is away. */
    FAIL_OPEN,
    /** Refuse the request: nobody gets through until Redis is back (right for login, password reset). */
    FAIL_CLOSED
}
