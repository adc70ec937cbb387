using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A body the framework cannot read (malformed JSON, a word where a number belongs, an
/// unknown option) is the caller's mistake: answer 400 with the offending field named,
/// never 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest) return false;

        var problem = new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request is too large." : "The request could not be read.",
        };
        if (badRequest.InnerException is JsonException json)
        {
            var field = FieldName(json.Path);
            problem.Title = "The request body is not valid.";
            problem.Detail = field is null
                ? "The body is not well-formed JSON."
                : $"The value given for '{field}' is not of the right kind.";
            if (field is not null)
            {
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = ["This value is not valid here."] };
            }
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>"$.contracts[0].fte" becomes "contracts[0].fte"; "$" (the whole body) has no field.</summary>
    private static string? FieldName(string? path) =>
        path is null || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
