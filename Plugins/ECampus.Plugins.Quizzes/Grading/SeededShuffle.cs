using System.Text;

namespace ECampus.Plugins.Quizzes.Grading;

/// <summary>
/// A shuffle that gives the same order for the same seed on every machine and .NET version. System.Random
/// does not promise that for seeded instances, and an attempt's order must be reproducible.
/// </summary>
internal sealed class SeededShuffle
{
    private ulong _state;

    /// <param name="seed">The attempt's seed.</param>
    /// <param name="salt">Distinguishes shuffles within one attempt (e.g. the question id).</param>
    public SeededShuffle(int seed, string salt)
    {
        _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ Fnv1a(salt);
    }

    public T[] Shuffle<T>(IEnumerable<T> items)
    {
        var array = items.ToArray();
        for (var i = array.Length - 1; i > 0; i--)
        {
            var j = (int)(Next() % (ulong)(i + 1));
            (array[i], array[j]) = (array[j], array[i]);
        }

        return array;
    }

    /// <summary>SplitMix64.</summary>
    private ulong Next()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong Fnv1a(string text)
    {
        unchecked
        {
            var hash = 14695981039346656037UL;
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                hash = (hash ^ b) * 1099511628211UL;
            }

            return hash;
        }
    }
}
