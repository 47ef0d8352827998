// The connectors this folder implements, by catalog node type.
#include "connectors/ConnectorFactories.h"
#include "connectors/alert/AlertSink.h"
#include "connectors/kafka/KafkaFactories.h"
#include "exec/OperatorRegistry.h"

namespace sw::runtime {

void registerConnectorFactories(OperatorRegistry& registry)
{
    registry.add("generator", makeGeneratorOperator);
    registry.add("file-source", makeFileSourceOperator);
    registry.add("kafka-source", kafka::makeKafkaSourceOperator);
    registry.add("kafka-sink", kafka::makeKafkaSinkOperator);
    registry.add("sqlite-sink", makeSqliteSinkOperator);
    registry.add("file-sink", makeFileSinkOperator);
    registry.add("console-sink", makeConsoleSinkOperator);
    registry.add("dlq", makeDlqOperator);
    registry.add("alert-sink", alert::makeAlertSinkOperator);
}

} // namespace sw::runtime
