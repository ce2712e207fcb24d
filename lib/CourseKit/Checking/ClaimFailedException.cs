namespace CourseKit.Checking;

/// <summary>A notebook's claim that its run did not bear out (<see cref="Claims.Check"/>); the message is "Check failed: " and the claim.</summary>
public sealed class ClaimFailedException : Exception
{
    /// <summary>Creates the failure of <paramref name="claim"/>.</summary>
    public ClaimFailedException(string claim) : base("Check failed: " + claim) => Claim = claim;

    /// <summary>The claim that did not hold.</summary>
    public string Claim { get; }
}
