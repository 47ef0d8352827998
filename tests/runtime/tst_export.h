#pragma once
// tst_export's test functions implemented outside tst_export.cpp (tst_export_units.cpp).
namespace sw::test_export {

void sqlSpelling();
void expressionQuoting();
void sqlMappings();
void invalidPipelineRefused();
void edgePartitioningIsReported();
void avroConfluentOptions();
void everyCatalogTypeHasATranslation();
void topicConventions();
void topicOverridesAndScript();
void readinessFailsAndPasses();
void renderScriptSubstitutes();
void yamlScalars();
void kafkaClientTranslation();
void exactlyOnceSettings();

} // namespace sw::test_export
