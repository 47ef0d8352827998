// The connectors this folder implements, by catalog node type.
#include "connectors/ConnectorFactories.h"
#include "connectors/alert/AlertSink.h"
#include "connectors/kafka/KafkaFactories.h"
#include "connectors/kinesis/KinesisFactories.h"
#include "exec/OperatorRegistry.h"

namespace sw::runtime {

void registerConnectorFactories(OperatorRegistry& registry)
{
    registry.add("generator", makeGeneratorOperator);
    registry.add("file-source", makeFileSourceOperator);
    registry.add("kafka-source", kafka::makeKafkaSourceOperator);
    registry.add("kafka-sink", kafka::makeKafkaSinkOperator);
    registry.add("sqlite-sink", makeSqliteSinkOperator);
    registry.add("redis-sink", makeRedisSinkOperator);
    registry.add("file-sink", makeFileSinkOperator);
    registry.add("console-sink", makeConsoleSinkOperator);
    registry.add("dlq", makeDlqOperator);
    registry.add("alert-sink", alert::makeAlertSinkOperator);
    registry.add("lake-sink", makeLakeSinkOperator);
    registry.add("kinesis-source", kinesis::makeKinesisSourceOperator);
    registry.add("kinesis-sink", kinesis::makeKinesisSinkOperator);
}

} // namespace sw::runtime
