package workbook.compute;

/**
 * The prices every cost in this lab is computed from. They are ASSUMPTIONS, not live prices: each
 * mirrors the structure of a public price page (what is charged, per what unit) with the figure that
 * page listed for us-east-1, Linux, on-demand, on the date given. Prices change and differ by region;
 * check the page before you quote a number from this lab.
 */
public final class Prices {
    private Prices() {
    }

    /** The date the figures below were read. */
    public static final String AS_OF = "2025-06-01";

    /** A month, as the price pages count it. */
    public static final double HOURS_PER_MONTH = 730;
    public static final double SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

    // --- Functions: the structure of aws.amazon.com/lambda/pricing (x86, first tier) ---
    /** Per request, whatever it does: $0.20 per million requests. */
    public static final double FUNCTION_PER_REQUEST = 0.20 / 1_000_000;
    /** Per GB-second of configured memory while a request runs (billed wall time, not CPU). */
    public static final double FUNCTION_PER_GB_SECOND = 0.0000166667;
    /** Per GB-second of configured memory that is kept warm by provisioned concurrency, used or not. */
    public static final double PROVISIONED_PER_GB_SECOND = 0.0000041667;
    /** Memory is billed in GB of 1024 MB. */
    public static final double MB_PER_GB = 1024;

    // --- Containers: the structure of aws.amazon.com/fargate/pricing (Linux/x86) ---
    public static final double CONTAINER_PER_VCPU_HOUR = 0.04048;
    public static final double CONTAINER_PER_GB_HOUR = 0.004445;
    /** The size of one container in this lab: 1 vCPU and 2 GB. */
    public static final double CONTAINER_VCPUS = 1;
    public static final double CONTAINER_GB = 2;

    // --- Virtual machines: the structure of aws.amazon.com/ec2/pricing/on-demand ---
    /** An m6i.large: 2 vCPU, 8 GiB, per instance-hour. */
    public static final double VM_PER_HOUR = 0.096;
    public static final double VM_VCPUS = 2;
    /** A g4dn.xlarge: 4 vCPU, 16 GiB, one NVIDIA T4 GPU, per instance-hour. */
    public static final double GPU_VM_PER_HOUR = 0.526;
    public static final double GPU_VM_VCPUS = 4;

    // --- Sizing rules of this lab (not prices; stated so that every cost can be recomputed by hand) ---
    /** Always-on capacity is never fewer than two instances: one can fail or be replaced by a deploy. */
    public static final int MIN_ALWAYS_ON = 2;
    /** Always-on capacity is sized so that its vCPUs are at most 60% busy (headroom for spikes). */
    public static final double TARGET_UTILISATION = 0.6;

    // --- Hard limits of functions (the documented limits of AWS Lambda and API Gateway) ---
    /** The longest a synchronous request through an API gateway may take: 29 s (source 000). */
    public static final long GATEWAY_LIMIT_SECONDS = 29;
    /** The longest one function invocation may run: 15 minutes. */
    public static final long FUNCTION_LIMIT_SECONDS = 900;
    /** The most memory a function may have: 10,240 MB. */
    public static final int FUNCTION_MAX_MEMORY_MB = 10_240;
}
