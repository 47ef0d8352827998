<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/properties/fields/ExpressionField.cpp" line="28"/>
        <source>column %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::app::CanvasOverlay</name>
    <message>
        <location filename="../app/run/CanvasOverlay.cpp" line="259"/>
        <source>Inspect records on this edge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::app::DlqBrowser</name>
    <message>
        <location filename="../app/run/DlqBrowser.cpp" line="58"/>
        <source>Replay feeds records into a running pipeline: start the pipeline (with your fix) first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/DlqBrowser.cpp" line="70"/>
        <source>no pipeline is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/DlqBrowser.cpp" line="87"/>
        <source>replayed into &apos;%1&apos; in run %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::app::Document</name>
    <message>
        <location filename="../app/document/Document.cpp" line="52"/>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="68"/>
        <source>Move Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/document/Document.cpp" line="69"/>
        <source>Move %n Nodes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="100"/>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="107"/>
        <source>Rename Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="113"/>
        <source>Change Pipeline Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="176"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/document/EdgeCommands.cpp" line="10"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::app::EventInspector</name>
    <message>
        <location filename="../app/run/EventInspector.cpp" line="30"/>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/EventInspector.cpp" line="32"/>
        <source>Inspect %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::app::ExportDialog</name>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="28"/>
        <source>Export for Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="37"/>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="38"/>
        <source>Flink SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="39"/>
        <source>Kubernetes (FlinkDeployment + KafkaTopics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="41"/>
        <source>Kafka topic plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="42"/>
        <source>Production readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="58"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="58"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="58"/>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="58"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="58"/>
        <source>Closest equivalent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="74"/>
        <source>Not exported exactly (per node; double-click to select the node):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="81"/>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="90"/>
        <source>Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/export/ExportDialog.cpp" line="106"/>
        <source>%n file(s) for job &apos;%1&apos;.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="110"/>
        <source>Cannot export: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="166"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/export/ExportDialog.cpp" line="170"/>
        <source>Saved %n file(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="177"/>
        <source>Export to folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::app::MainWindow</name>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="72"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="78"/>
        <source>Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="84"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="118"/>
        <source>Cannot connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="146"/>
        <source>✔ Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindow.cpp" line="148"/>
        <location filename="../app/ui/MainWindow.cpp" line="151"/>
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindow.cpp" line="150"/>
        <source>%n error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="153"/>
        <source>Validation: see the Problems panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindow.cpp" line="155"/>
        <source>%n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindow.cpp" line="157"/>
        <source>%n connection(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="158"/>
        <source>Zoom %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="49"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="52"/>
        <source>New &amp;Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="52"/>
        <source>Ctrl+Shift+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="57"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="62"/>
        <source>Open Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="63"/>
        <source>Pipelines (*.pipeline.json *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="66"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="67"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="68"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="71"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="73"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="78"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="80"/>
        <source>Ctrl+Y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="83"/>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="84"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="85"/>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="86"/>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="86"/>
        <source>Ctrl+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="89"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="91"/>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="93"/>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="95"/>
        <source>Ctrl+=</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="96"/>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="98"/>
        <source>Zoom to &amp;Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="98"/>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="100"/>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="100"/>
        <source>Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="102"/>
        <source>Auto-&amp;Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="102"/>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="104"/>
        <source>&amp;Snap to Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="108"/>
        <source>&amp;About Streamwright</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="110"/>
        <source>About Streamwright</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="111"/>
        <source>&lt;h3&gt;Streamwright %1&lt;/h3&gt;&lt;p&gt;Design streaming pipelines visually, run them on an embedded runtime and export them to Flink SQL and Kubernetes.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="124"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="129"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="132"/>
        <source>Open E&amp;xample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="142"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="151"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="162"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="168"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="205"/>
        <source>No recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="207"/>
        <source>Clear Recent Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="228"/>
        <source>No examples found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindowEdit.cpp" line="56"/>
        <source>Copied %n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowEdit.cpp" line="83"/>
        <source>The clipboard does not hold pipeline nodes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowEdit.cpp" line="93"/>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowEdit.cpp" line="103"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowEdit.cpp" line="130"/>
        <source>Auto-Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowExtras.cpp" line="22"/>
        <source>&amp;Export for Production…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowExtras.cpp" line="24"/>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowExtras.cpp" line="25"/>
        <source>Flink SQL, Kubernetes manifests and the Kafka topic plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="45"/>
        <source>Cannot Open Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="46"/>
        <source>%1 could not be opened:

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="56"/>
        <source>Opened a copy of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="57"/>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="77"/>
        <source>Save Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="78"/>
        <source>Pipelines (*.pipeline.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="88"/>
        <source>Cannot Save Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="89"/>
        <source>The pipeline was not saved; %1 is unchanged.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="96"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="103"/>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="104"/>
        <source>Save changes to %1 before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="107"/>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="124"/>
        <source>an untitled pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="127"/>
        <source>Recover Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="128"/>
        <source>Streamwright ended without saving %1.
Unsaved changes from %2 can be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="132"/>
        <source>Recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="133"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="134"/>
        <source>Not Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="144"/>
        <source>Recovered unsaved changes of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::app::ReadinessDock</name>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="34"/>
        <source>Production Readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="40"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="40"/>
        <source>Check / finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="40"/>
        <source>Fix / details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="55"/>
        <source>%1 pass, %2 warn, %3 fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="72"/>
        <source>(pipeline)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::app::RemoveItemsCommand</name>
    <message>
        <location filename="../app/document/NodeCommands.cpp" line="56"/>
        <source>Delete %n Node(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/document/NodeCommands.cpp" line="58"/>
        <source>Delete %n Connection(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::app::RunAndDebug</name>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="82"/>
        <location filename="../app/run/RunAndDebug.cpp" line="108"/>
        <location filename="../app/run/RunAndDebug.cpp" line="225"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="85"/>
        <source>Run the pipeline (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="87"/>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="90"/>
        <source>Pause the sources; in-flight records keep flowing (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="92"/>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="95"/>
        <source>Stop: drain in-flight records, then end (Shift+F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="97"/>
        <source>R&amp;estart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="100"/>
        <source>Stop and run the current pipeline again (Ctrl+Shift+F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="114"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="123"/>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="135"/>
        <source>Dead Letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="142"/>
        <source>Dead Letters (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="181"/>
        <source> · edited: Restart applies the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="194"/>
        <source>The label of %1 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="195"/>
        <source>%1.%2 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="199"/>
        <source>The pipeline settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="202"/>
        <source>The pipeline&apos;s structure changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="214"/>
        <source>%1: the running pipeline keeps the version it started with; Restart (Ctrl+Shift+F5) runs the edited one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="225"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="237"/>
        <source>Running: structural edits are disabled; property changes apply at the next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="268"/>
        <source>Stop the pipeline to change connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="296"/>
        <source>Inspect %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="320"/>
        <source>pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="321"/>
        <source>run %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::app::RunController</name>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="26"/>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="28"/>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="30"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="32"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="34"/>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="45"/>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="47"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="49"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="51"/>
        <source>Could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="94"/>
        <source> after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="100"/>
        <source> · Kafka %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="113"/>
        <source>More runtime problems were not listed (limit %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::AggregatesField</name>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="57"/>
        <source>Function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="57"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="57"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="101"/>
        <source>choose a column (or * for COUNT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="103"/>
        <source>%1 needs a column, not *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="105"/>
        <source>the result needs a column name (letters, digits, _)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::ColumnField</name>
    <message>
        <location filename="../widgets/properties/fields/SimpleFields.cpp" line="154"/>
        <source>(default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/SimpleFields.cpp" line="200"/>
        <source>no column &apos;%1&apos; in the input (columns: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::ColumnsField</name>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="119"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="119"/>
        <source>Expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="135"/>
        <source>&apos;%1&apos; is not a column name (letters, digits, _)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="137"/>
        <source>%1: an expression is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="143"/>
        <source>%1: column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::DlqBrowserView</name>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="51"/>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="53"/>
        <source>Node:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="94"/>
        <source>Raw value (hex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="95"/>
        <source>Raw value (text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="96"/>
        <source>Record / replay text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="105"/>
        <source>Export selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="107"/>
        <source>Edit replay text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="109"/>
        <source>Replay selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="163"/>
        <source>All reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="164"/>
        <source>All nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="262"/>
        <source>Select a record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="263"/>
        <source>%1 records selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="269"/>
        <source>&lt;b&gt;%1&lt;/b&gt; at node &lt;b&gt;%2&lt;/b&gt; · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="274"/>
        <source> · from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="281"/>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="282"/>
        <source>(no raw bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="284"/>
        <source>key: %1
value: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="287"/>
        <source>(edited)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="297"/>
        <source>Feed the selected records back into the running pipeline at the node that failed them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="305"/>
        <source>%1 error records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="307"/>
        <source>, %1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="310"/>
        <source> · %1 not captured (capture buffer full)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="312"/>
        <source> · %1 oldest dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="318"/>
        <source>Export dead letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="320"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="323"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="333"/>
        <source>Fix the raw value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="333"/>
        <source>Fix the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="336"/>
        <source>The source parses this text again on replay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="337"/>
        <source>This record (JSON) re-enters node &apos;%1&apos; on replay:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::DlqTableModel</name>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="118"/>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="120"/>
        <source>replayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="123"/>
        <source>replay failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="139"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="141"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="143"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="145"/>
        <source>Source position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="147"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="149"/>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::DurationField</name>
    <message>
        <location filename="../widgets/properties/fields/SimpleFields.cpp" line="114"/>
        <source>e.g. 5 min, 30 s, 100 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/SimpleFields.cpp" line="139"/>
        <source>&apos;%1&apos; is not a duration: %2 (type e.g. 5 min, 30 s, 100 ms)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::ExpressionField</name>
    <message>
        <location filename="../widgets/properties/fields/ExpressionField.cpp" line="112"/>
        <source>Insert a column of the input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/ExpressionField.cpp" line="199"/>
        <source>%1 (not applied)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::FieldListField</name>
    <message>
        <location filename="../widgets/properties/fields/FieldListField.cpp" line="22"/>
        <source>column, column, ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/FieldListField.cpp" line="102"/>
        <source>not a column of the input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/FieldListField.cpp" line="105"/>
        <source>%1 (not in the input)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::InspectorView</name>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="41"/>
        <source>Filter with an expression, e.g. amount &gt; 100 AND category = &apos;books&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="49"/>
        <location filename="../widgets/inspector/InspectorView.cpp" line="157"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="51"/>
        <source>Keep the captured records; new ones are counted, not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="55"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="59"/>
        <source>Copy as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="60"/>
        <source>Copy the selected rows as a JSON array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="87"/>
        <source>Select a record to see it as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="157"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="178"/>
        <source>column %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="242"/>
        <source>%1 captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="244"/>
        <source>%1 match the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="247"/>
        <source>paused: %1 arrived and were not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="250"/>
        <source>%1 not captured (capture buffer full)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="252"/>
        <source>%1 oldest dropped from the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="255"/>
        <source>%1 could not be evaluated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::KeyValueField</name>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="189"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="189"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="215"/>
        <source>the key is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="231"/>
        <source>duplicate key &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="233"/>
        <source>row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::MetricsPanel</name>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="48"/>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="268"/>
        <source>Pause view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="50"/>
        <source>Freeze the charts; data keeps being recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="54"/>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="55"/>
        <source>Save the chart shown as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="58"/>
        <source>Last 5 minutes · 4 updates/s · click a legend entry to hide a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="81"/>
        <source>Throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="81"/>
        <source>Throughput per node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="81"/>
        <source>records/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="82"/>
        <source>Consumer lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="82"/>
        <source>Kafka consumer lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="82"/>
        <source>records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="83"/>
        <source>Watermark lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="83"/>
        <source>Watermark lag per node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="83"/>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="84"/>
        <source>Backpressure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="84"/>
        <source>Queue fill per edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="84"/>
        <source>% of capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="85"/>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="85"/>
        <source>Error rate per node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="85"/>
        <source>errors/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="96"/>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="141"/>
        <source>No Kafka source in this pipeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="140"/>
        <source>Waiting for consumer lag from the Kafka sources…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="151"/>
        <source> in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="153"/>
        <source> out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="196"/>
        <source>Consumer lag is not reported by the engine yet (MetricsSnapshot has no Kafka partition metrics).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="210"/>
        <source> total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="223"/>
        <source>Watermark lag per node (processing time − watermark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="224"/>
        <source>Watermark lag per node (newest event time − watermark; event times are historical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="268"/>
        <source>Resume view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="286"/>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="289"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="293"/>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="295"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::NodeCanvas</name>
    <message>
        <location filename="../widgets/canvas/NodeCanvas.cpp" line="154"/>
        <source>Drag a node from the palette to start,
or open an example: File ▸ Open Example</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::NodePalette</name>
    <message>
        <location filename="../widgets/palette/NodePalette.cpp" line="58"/>
        <source>Search nodes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::NumberField</name>
    <message>
        <location filename="../widgets/properties/fields/NumberField.cpp" line="108"/>
        <source>expected an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/NumberField.cpp" line="109"/>
        <source>expected a number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::PipelineScene</name>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="123"/>
        <source>Release to connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="124"/>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="169"/>
        <source>Cannot connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="188"/>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="188"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="197"/>
        <source>&lt;br/&gt;&lt;i&gt;schema unknown&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="224"/>
        <source>schema unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::PipelineSettingsForm</name>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="40"/>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="45"/>
        <source>Select a node on the canvas to edit its properties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="52"/>
        <source>e.g. 10 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="66"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="67"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="69"/>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="70"/>
        <source>Parallelism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="71"/>
        <source>Checkpoint interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="72"/>
        <source>Schema evolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="98"/>
        <source>%n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="100"/>
        <source>%n connection(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="117"/>
        <source>expected an integer between 1 and 256 (not applied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="126"/>
        <source>must be greater than 0 (not applied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="127"/>
        <source>&apos;%1&apos; is not a duration: %2 (not applied)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::ProblemsView</name>
    <message>
        <location filename="../widgets/problems/ProblemsView.cpp" line="40"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/problems/ProblemsView.cpp" line="40"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/problems/ProblemsView.cpp" line="40"/>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/problems/ProblemsView.cpp" line="60"/>
        <source>No problems: the pipeline is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/problems/ProblemsView.cpp" line="104"/>
        <source>pipeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::PropertyEditor</name>
    <message>
        <location filename="../widgets/properties/PropertyEditor.cpp" line="132"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/PropertyEditor.cpp" line="137"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/PropertyEditor.cpp" line="204"/>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/PropertyEditor.cpp" line="257"/>
        <source>%1 (not applied)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::RecordTableModel</name>
    <message>
        <location filename="../widgets/inspector/RecordTableModel.cpp" line="134"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/inspector/RecordTableModel.cpp" line="135"/>
        <source>event time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/inspector/RecordTableModel.cpp" line="136"/>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::SchemaDefField</name>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="157"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="157"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="177"/>
        <source>&apos;%1&apos; is not a column name (letters, digits, _)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="179"/>
        <source>%1: &apos;%2&apos; is not a type: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::TableField</name>
    <message>
        <location filename="../widgets/properties/fields/TableField.cpp" line="32"/>
        <source>Add a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableField.cpp" line="34"/>
        <source>Remove the selected row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableField.cpp" line="104"/>
        <source>row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::widgets::TextField</name>
    <message>
        <location filename="../widgets/properties/fields/SimpleFields.cpp" line="37"/>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
