package workbook.pooling;

import workbook.labkit.testing.Task;

import java.time.Duration;

/** Task 2's contract (see {@link PoolContract}) against your {@link BlockingPool}. */
@Task(2)
class Task2BlockingPoolTest extends PoolContract {

    @Override
    ConnectionPool newPool(ConnectionFactory factory, int size, Duration maxWait) {
        return new BlockingPool(factory, size, maxWait);
    }
}
