using CourseKit.Schedules;

namespace CourseKit.Tests.Schedules;

public class ScheduleBehaviourTests
{
    [Fact]
    public void Step_zero_is_rejected_because_steps_count_from_one()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new InverseTimeSchedule().Rate(0));
        Assert.Contains("Steps count from 1", ex.Message);
        Assert.Contains("got 0", ex.Message);
    }

    public static TheoryData<Func<LearningRateSchedule>, string> BadArguments => new()
    {
        { () => new ConstantSchedule(0), "must be a positive finite number, got 0" },
        { () => new ConstantSchedule(-0.1), "got -0.1" },
        { () => new ConstantSchedule(double.NaN), "got NaN" },
        { () => new InverseTimeSchedule(-1), "numerator c" },
        { () => new PolynomialDecaySchedule(0.1, 0, 1), "offset s0" },
        { () => new PolynomialDecaySchedule(0.1, 1, -1), "exponent p" },
        { () => new PowerSchedule(0.1, s: 0), "step scale s" },
        { () => new PowerSchedule(-1, s: 10), "initial learning rate" },
        { () => new ExponentialSchedule(0.1, 10, gamma: 1.5), "strictly between 0 and 1, got 1.5" },
        { () => new PiecewiseConstantSchedule([5, 15], [0.1, 0.01]), "Expected one more rate than boundaries" },
        { () => new PiecewiseConstantSchedule([15, 5], [0.1, 0.01, 0.001]), "strictly increasing" },
        { () => new PiecewiseConstantSchedule([0], [0.1, 0.01]), "must be ≥ 1" },
        { () => new PiecewiseConstantSchedule([5], [0.1, -0.01]), "rates[1]" },
        { () => new OnPlateauSchedule(0.1, factor: 2), "between 0 and 1" },
        { () => new OnPlateauSchedule(0.1, patience: 0), "patience" },
        { () => new OnPlateauSchedule(0.1, cooldown: -1), "cooldown" },
        { () => new OnPlateauSchedule(0.1, minRate: 0.2), "below initialRate" },
        { () => new OneCycleSchedule(0.1, totalSteps: 2), "≥ 3" },
        { () => new OneCycleSchedule(0.1, 10, initialRate: 0.2), "below maxRate" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Bad_arguments_throw_saying_what_was_expected(Func<LearningRateSchedule> make, string fragment)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(make);
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void Power_halves_after_s_steps_when_c_is_one()
    {
        // α(s) = α0/(1 + 1) = α0/2 at t = s, i.e. step k = s + 1; α(3s) = α0/4
        var s = new PowerSchedule(0.8, s: 10);
        Assert.Equal(0.4, s.Rate(11), 1e-15);
        Assert.Equal(0.2, s.Rate(31), 1e-15);
    }

    [Fact]
    public void Exponential_loses_one_order_of_magnitude_every_s_steps_by_default()
    {
        var s = new ExponentialSchedule(1.0, s: 20);
        Assert.Equal(0.1, s.Rate(21), 1e-15);
        Assert.Equal(0.01, s.Rate(41), 1e-15);
    }

    [Fact]
    public void Decaying_schedules_never_increase()
    {
        LearningRateSchedule[] all =
        [
            new InverseTimeSchedule(), new PolynomialDecaySchedule(0.5, 10, 0.75), new PowerSchedule(0.1, 5, 1.5),
            new ExponentialSchedule(0.1, 7), new ExponentialSchedule(0.1, 7, 0.5, staircase: true),
            new PiecewiseConstantSchedule([3, 9], [0.3, 0.2, 0.1]),
        ];
        foreach (var s in all)
        {
            double[] r = s.Rates(200);
            for (int i = 1; i < r.Length; i++) Assert.True(r[i] <= r[i - 1], $"{s}: step {i + 1} rate {r[i]} > {r[i - 1]}");
            Assert.All(r, x => Assert.True(x > 0));
        }
    }

    [Fact]
    public void OneCycle_is_linear_up_to_the_peak_and_down_to_the_end()
    {
        var s = new OneCycleSchedule(maxRate: 0.1, totalSteps: 100);
        double[] r = s.Rates(100);
        Assert.Equal(0.01, r[0], 1e-15);          // α0 = α1/10
        Assert.Equal(0.1, r[50], 1e-15);           // peak at t = 50 (step 51)
        Assert.Equal(1e-5, r[99], 1e-18);          // α_end = α0/1000
        double upSlope = r[1] - r[0], downSlope = r[52] - r[51];
        for (int t = 1; t <= 50; t++) Assert.Equal(upSlope, r[t] - r[t - 1], 1e-12);
        for (int t = 52; t < 100; t++) Assert.Equal(downSlope, r[t] - r[t - 1], 1e-12);
        Assert.True(upSlope > 0 && downSlope < 0);
    }

    [Fact]
    public void OnPlateau_resets_patience_on_improvement_respects_min_delta_cooldown_and_min_rate()
    {
        var s = new OnPlateauSchedule(1.0, factor: 0.1, patience: 2, minDelta: 0.05, cooldown: 1, minRate: 0.005);
        s.Observe(1.00);                 // best 1.00
        s.Observe(0.99);                 // gain 0.01 < minDelta: bad 1
        s.Observe(0.90);                 // gain 0.10: best 0.90, bad 0
        s.Observe(0.89);                 // bad 1
        Assert.Equal(1.0, s.Rate(1));
        s.Observe(0.88);                 // bad 2 → α = 0.1, cooldown 1
        Assert.Equal(0.1, s.Rate(1), 1e-15);
        s.Observe(0.95);                 // in cooldown: not counted
        s.Observe(0.95);                 // bad 1
        Assert.Equal(0.1, s.Rate(1), 1e-15);
        s.Observe(0.95);                 // bad 2 → α = max(0.01, 0.005) = 0.01
        Assert.Equal(0.01, s.Rate(1), 1e-15);
        s.Observe(0.95); s.Observe(0.95); s.Observe(0.95);   // cooldown, bad 1, bad 2 → max(0.001, 0.005)
        Assert.Equal(0.005, s.Rate(1), 1e-15);
        for (int i = 0; i < 10; i++) s.Observe(0.95);
        Assert.Equal(0.005, s.Rate(1), 1e-15);
        Assert.Equal(3, s.Reductions);
        Assert.Throws<ArgumentException>(() => s.Observe(double.NaN));
    }

    [Fact]
    public void Step_only_schedules_ignore_observations()
    {
        var s = new PowerSchedule(0.1, 2);
        double before = s.Rate(3);
        s.Observe(123);
        Assert.Equal(before, s.Rate(3));
    }
}
