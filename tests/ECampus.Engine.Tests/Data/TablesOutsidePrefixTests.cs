using DbUp.Engine;
using ECampus.Engine.Data;

namespace ECampus.Engine.Tests.Data;

/// <summary>A plug-in's migrations may touch only tables carrying its prefix; here with the prefix <c>quiz_</c>.</summary>
public sealed class TablesOutsidePrefixTests
{
    [TestCase("CREATE TABLE account_badge (id INTEGER);", "account_badge")]
    [TestCase("CREATE TABLE IF NOT EXISTS \"grade\" (id INTEGER);", "grade")]
    [TestCase("CREATE TEMP TABLE scratch (id INTEGER);", "scratch")]
    [TestCase("CREATE VIRTUAL TABLE search USING fts5(body);", "search")]
    [TestCase("CREATE VIEW active_accounts AS SELECT * FROM account;", "active_accounts")]
    [TestCase("ALTER TABLE account ADD COLUMN quiz_score INTEGER;", "account")]
    [TestCase("DROP TABLE IF EXISTS forum_post;", "forum_post")]
    [TestCase("INSERT INTO site_setting (key, value, updated_at) VALUES ('x', 'y', 'z');", "site_setting")]
    [TestCase("INSERT OR REPLACE INTO site_setting (key) VALUES ('x');", "site_setting")]
    [TestCase("REPLACE INTO site_setting (key) VALUES ('x');", "site_setting")]
    [TestCase("UPDATE account SET display_name = 'x';", "account")]
    [TestCase("UPDATE OR IGNORE account SET display_name = 'x';", "account")]
    [TestCase("DELETE FROM account_session;", "account_session")]
    [TestCase("CREATE INDEX quiz_by_email ON account (email);", "account")]
    [TestCase("CREATE TRIGGER quiz_spy AFTER INSERT ON account BEGIN SELECT 1; END;", "account")]
    [TestCase("CREATE TRIGGER quiz_spy BEFORE UPDATE OF email, status ON account BEGIN SELECT 1; END;", "account")]
    [TestCase("CREATE TRIGGER quiz_spy AFTER DELETE ON account BEGIN SELECT 1; END;", "account")]
    [TestCase("CREATE TRIGGER quiz_t AFTER INSERT ON quiz_attempt BEGIN UPDATE account SET status = 'x'; END;", "account")]
    [TestCase("CREATE /* sneaky */ TABLE account_badge (id INTEGER);", "account_badge")]
    public void ScriptTouchingAnotherOwnersTable_NamesIt(string sql, string table)
    {
        Assert.That(Migrator.TablesOutsidePrefix(Set(sql), "quiz_"), Is.EqualTo(new[] { table }), sql);
    }

    [TestCase("CREATE TABLE quiz_attempt (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE ON UPDATE CASCADE);")]
    [TestCase("CREATE UNIQUE INDEX IF NOT EXISTS quiz_attempt_by_account ON quiz_attempt (account_id);")]
    [TestCase("INSERT INTO quiz_attempt (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = excluded.id;")]
    [TestCase("CREATE TRIGGER quiz_touch AFTER UPDATE OF score ON quiz_attempt BEGIN UPDATE quiz_attempt SET touched = 1 WHERE id = new.id; END;")]
    [TestCase("-- Notes: we never CREATE TABLE account here.\nCREATE TABLE quiz_note (last_update TEXT, deleted INTEGER);")]
    [TestCase("CREATE TABLE quiz_question (id INTEGER); /* UPDATE account SET x = 1; */")]
    [TestCase("ALTER TABLE QUIZ_ATTEMPT ADD COLUMN score INTEGER; DELETE FROM quiz_attempt WHERE id < 0; DROP VIEW IF EXISTS quiz_view;")]
    public void ScriptTouchingOnlyItsOwnTables_NamesNothing(string sql)
    {
        Assert.That(Migrator.TablesOutsidePrefix(Set(sql), "quiz_"), Is.Empty, sql);
    }

    private static MigrationSet Set(string sql) => new("quiz", [new SqlScript("quiz/0001_test.sql", sql)]);
}
