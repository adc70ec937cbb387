using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class ProblemExtensions
{
    /// <summary>
    /// True when a save failed on a unique index; <paramref name="constraint"/> names it so
    /// the caller can turn a race on a duplicate into the same field error as the pre-check.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception, out string constraint)
    {
        if (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres)
        {
            constraint = postgres.ConstraintName ?? "";
            return true;
        }
        constraint = "";
        return false;
    }

    /// <summary>
    /// 409 for an edit made to a version that has since changed: the caller reloads and tries
    /// again, and nobody's change is silently lost.
    /// </summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult StaleEdit(string what) =>
        Microsoft.AspNetCore.Http.TypedResults.Problem(
            statusCode: 409,
            title: "Someone else has changed this in the meantime.",
            detail: $"{what} was changed after you opened it. Reload it to see the latest version, then make your change again.");

    /// <summary>One field error, shaped like the framework's own validation problems.</summary>
    public static Dictionary<string, string[]> FieldError(string field, string message) => new() { [field] = [message] };
}
