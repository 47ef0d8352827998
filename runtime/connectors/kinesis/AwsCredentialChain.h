#pragma once
// Where a Kinesis node's AWS credentials come from, in this order (the AWS SDKs' default chain,
// without the instance-metadata step):
//   1. the node's `properties`: aws.credentials.basic.accesskeyid / .secretkey / .sessiontoken
//      (Flink's Kinesis connector names; secret values, redacted everywhere like Kafka's);
//   2. the environment: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN;
//   3. the shared credentials file (AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials),
//      profile AWS_PROFILE (else "default"): aws_access_key_id, aws_secret_access_key,
//      aws_session_token.
// A step counts when it has both the key id and the secret; a half-filled step is an error
// (it is surely a mistake), naming the step and the missing name, never a value.
// Every secret found is registered with the process-wide redactor (kafka::redactSecrets).
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "connectors/kinesis/SigV4.h"
#include "util/Result.h"

namespace sw::runtime::kinesis {

/// Reads an environment variable (tests pass their own; default: std::getenv).
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;
EnvLookup processEnvironment();

inline constexpr const char* kAccessKeyProperty = "aws.credentials.basic.accesskeyid";
inline constexpr const char* kSecretKeyProperty = "aws.credentials.basic.secretkey";
inline constexpr const char* kSessionTokenProperty = "aws.credentials.basic.sessiontoken";

/// Resolves the chain above. `properties`: the node's KeyValue object (may be null).
Result<AwsCredentials> resolveCredentials(const nlohmann::json& properties,
                                          const EnvLookup& env = processEnvironment());

/// Registers the secret parts of `c` with the process-wide redactor.
void registerSecrets(const AwsCredentials& c);

} // namespace sw::runtime::kinesis
