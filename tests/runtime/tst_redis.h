#pragma once
// tst_redis's test functions implemented outside tst_redis.cpp (tst_redis_pipelines.cpp):
// whole pipelines through the Engine against a real redis-server.
namespace sw::test_redis {

void restartInTheMiddleLosesNothing();
void stopIsPromptWhileRedisIsDown();
void dedupSharedByTwoPipelines();
void dedupRedisReplayPassesAgain();
void changelogUpsertsDeletesAndRetractions();

} // namespace sw::test_redis
