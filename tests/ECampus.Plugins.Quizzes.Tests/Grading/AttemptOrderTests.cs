using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;

namespace ECampus.Plugins.Quizzes.Tests.Grading;

/// <summary>An attempt's order comes from a seed, is the same every time for that seed, and is stored with the attempt.</summary>
public class AttemptOrderTests
{
    private static readonly Quiz Shuffled = QuizText.Clean(Examples.GiftExpressible.Replace("title: Everything GIFT can say", "title: Shuffled\nshuffle: true", StringComparison.Ordinal));

    private static readonly Quiz InOrder = QuizText.Clean(Examples.GiftExpressible + "\n## Order {#order type=ordering}\n\n1. a\n2. b\n3. c\n");

    [Test]
    public void SameSeed_GivesTheSameOrder()
    {
        var first = AttemptOrder.Create(Shuffled, 7);
        var second = AttemptOrder.Create(Shuffled, 7);

        Assert.That(second, Is.EqualTo(first).Using<AttemptOrder>(SameOrder));
    }

    [Test]
    public void DifferentSeeds_GiveDifferentOrders()
    {
        var orders = Enumerable.Range(1, 5).Select(seed => string.Join(",", AttemptOrder.Create(Shuffled, seed).QuestionIds));

        Assert.That(orders.Distinct().Count(), Is.GreaterThan(1));
    }

    [Test]
    public void Seed42_GivesThisExactOrder_OnEveryMachineAndRuntime()
    {
        var order = AttemptOrder.Create(Shuffled, 42);

        Assert.That(order.QuestionIds, Is.EqualTo(new[] { "constituent", "dialogue", "founded", "conventions", "city", "pi", "agenda", "core", "deficit", "part-two" }));
        Assert.That(order.OptionIds["agenda"], Is.EqualTo(new[] { "a", "c", "b" }));
    }

    [Test]
    public void ShuffledOrder_IsAPermutation_OfQuestionsAndOfEachQuestionsOptions()
    {
        var order = AttemptOrder.Create(Shuffled, 3);

        Assert.That(order.QuestionIds, Is.EquivalentTo(Shuffled.Questions.Select(q => q.Id)));
        Assert.That(order.OptionIds["core"], Is.EquivalentTo(new[] { "a", "b", "c", "d", "e" }));
        Assert.That(order.OptionIds["conventions"], Is.EquivalentTo(new[] { "1", "2", "3" }));
        Assert.That(order.OptionIds.Keys, Is.EquivalentTo(new[] { "agenda", "core", "constituent", "conventions" }));
    }

    [Test]
    public void WithoutShuffling_QuestionsAndOptionsKeepTheirWrittenOrder_ButOrderingItemsAreStillScrambled()
    {
        var order = AttemptOrder.Create(InOrder, 3);

        Assert.That(order.QuestionIds, Is.EqualTo(InOrder.Questions.Select(q => q.Id)));
        Assert.That(order.OptionIds.Keys, Is.EqualTo(new[] { "order" }));
    }

    [Test]
    public void OrderingItems_AreNeverShownInTheRightOrder_WhateverTheSeed()
    {
        var question = (OrderingQuestion)QuizText.Clean("## Order {#order type=ordering}\n\n1. a\n2. b\n").Find("order")!;
        var quiz = new Quiz { Id = "q", Title = "q", Questions = [question] };
        var right = question.Items.Select(i => i.Id);

        var orders = Enumerable.Range(0, 50).Select(seed => AttemptOrder.Create(quiz, seed).OptionIds["order"]);

        Assert.That(orders, Has.None.EqualTo(right));
    }

    [Test]
    public void Views_FollowTheStoredOrder_AndSkipQuestionsTheQuizNoLongerHas()
    {
        var order = AttemptOrder.Create(Shuffled, 42) with { QuestionIds = ["gone", "pi", "agenda"] };

        var views = order.Views(Shuffled);

        Assert.That(views.Select(v => v.Id), Is.EqualTo(new[] { "pi", "agenda" }));
        Assert.That(views[1].Options.Select(o => o.Id), Is.EqualTo(new[] { "a", "c", "b" }));
    }

    [Test]
    public void StoredOrder_SurvivesJson()
    {
        var order = AttemptOrder.Create(Shuffled, 42);

        var back = System.Text.Json.JsonSerializer.Deserialize<AttemptOrder>(System.Text.Json.JsonSerializer.Serialize(order, QuizJson.Options), QuizJson.Options)!;

        Assert.That(back, Is.EqualTo(order).Using<AttemptOrder>(SameOrder));
    }

    private static bool SameOrder(AttemptOrder a, AttemptOrder b) =>
        a.QuestionIds.SequenceEqual(b.QuestionIds)
        && a.OptionIds.Count == b.OptionIds.Count
        && a.OptionIds.All(pair => b.OptionIds.TryGetValue(pair.Key, out var other) && other.SequenceEqual(pair.Value));
}
