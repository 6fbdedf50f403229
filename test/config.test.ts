import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs the console when no Slack credentials are set', () => {
    const config = loadConfig({});
    expect(config.mode).toEqual({ kind: 'console' });
    expect(config.databasePath).toBe('data/entitlebot.db');
  });

  it('uses PostgreSQL when DATABASE_URL is set (over DATABASE_PATH), and says what a bad one should look like', () => {
    expect(loadConfig({ DATABASE_PATH: 'x.db' }).databasePath).toBe('x.db');
    expect(
      loadConfig({ DATABASE_PATH: 'x.db', DATABASE_URL: 'postgres://app@db.internal:5432/entitlebot' }).databasePath,
    ).toBe('postgres://app@db.internal:5432/entitlebot');
    const problem = problemsOf({ DATABASE_URL: 'mysql://app:hunter2@db/entitlebot' });
    expect(problem).toMatch(/DATABASE_URL must be a PostgreSQL URL/);
    expect(problem).not.toContain('hunter2');
  });

  it('picks Socket Mode from an app token and a bot token', () => {
    const config = loadConfig({ SLACK_APP_TOKEN: 'xapp-1-A', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(config.mode).toEqual({ kind: 'socket', appToken: 'xapp-1-A', botToken: 'xoxb-1' });
  });

  it('picks single-workspace HTTP with the default port 3000, or PORT', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).mode).toEqual({
      kind: 'http',
      botToken: 'xoxb-1',
      signingSecret: 's',
      port: 3000,
    });
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '8080' }).mode).toMatchObject({
      port: 8080,
    });
  });

  it('picks OAuth when the client id, secret, state secret and signing secret are set', () => {
    const mode = loadConfig({
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 'c',
      SLACK_STATE_SECRET: 'st',
      SLACK_SIGNING_SECRET: 's',
    }).mode;
    expect(mode).toMatchObject({ kind: 'oauth', clientId: '1.2', port: 3000 });
  });

  it('names the variables a half-configured mode lacks', () => {
    expect(problemsOf({ SLACK_CLIENT_ID: '1.2', SLACK_SIGNING_SECRET: 's' })).toMatch(
      /SLACK_CLIENT_SECRET, SLACK_STATE_SECRET/,
    );
    expect(problemsOf({ SLACK_APP_TOKEN: 'xapp-1' })).toMatch(/SLACK_BOT_TOKEN/);
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toMatch(/SLACK_SIGNING_SECRET/);
    expect(problemsOf({ SLACK_SIGNING_SECRET: 's' })).toMatch(/SLACK_BOT_TOKEN/);
  });

  it('names a malformed variable without echoing a secret', () => {
    const message = problemsOf({ SLACK_BOT_TOKEN: 'xoxp-user-token-secret', SLACK_SIGNING_SECRET: 's' });
    expect(message).toMatch(/SLACK_BOT_TOKEN must be a bot token starting with xoxb-/);
    expect(message).not.toContain('xoxp-user-token-secret');
    expect(problemsOf({ PORT: 'eighty' })).toMatch(/PORT must be a whole number/);
    expect(problemsOf({ PORT: '70000' })).toMatch(/PORT must be between 1 and 65535/);
    expect(problemsOf({ SLACK_API_URL: 'not a url' })).toMatch(/SLACK_API_URL must be an http\(s\) URL/);
  });

  it('reports every bad variable at once', () => {
    const message = problemsOf({ PORT: 'x', LOG_LEVEL: 'loud' });
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/LOG_LEVEL/);
  });

  it('takes SLACK_API_URL with a trailing slash and DATABASE_PATH as given', () => {
    const config = loadConfig({ SLACK_API_URL: 'http://127.0.0.1:9999/api', DATABASE_PATH: '/tmp/x.db' });
    expect(config.slackApiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(config.databasePath).toBe('/tmp/x.db');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '  ' }).mode.kind).toBe('console');
  });
});
