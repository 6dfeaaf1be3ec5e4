package workbook.restapi;

import java.time.Clock;

/** What the API is built from: the PostgreSQL store, each user's quota, the plan for version 1, and the clock. */
public record ApiSetup(BookmarkStore store, Quota quota, Sunsetting v1Sunsetting, Clock clock) {
}
