<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/properties/fields/ExpressionField.cpp" line="28"/>
        <source>column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="52"/>
        <source>(headers could not be read: %1)

As stored:
%2</source>
        <translation>(Header konnten nicht gelesen werden: %1)

Wie gespeichert:
%2</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="54"/>
        <source>(no headers)</source>
        <translation>(keine Header)</translation>
    </message>
</context>
<context>
    <name>sw::app::CanvasOverlay</name>
    <message>
        <location filename="../app/run/CanvasOverlay.cpp" line="259"/>
        <source>Inspect records on this edge</source>
        <translation>Datensätze auf dieser Verbindung untersuchen</translation>
    </message>
</context>
<context>
    <name>sw::app::DashboardDock</name>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="40"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="49"/>
        <source>Pin…</source>
        <translation>Anheften …</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="50"/>
        <source>Pin a sink or an edge of the pipeline to the dashboard</source>
        <translation>Eine Senke oder Kante der Pipeline ans Dashboard anheften</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="56"/>
        <source>Nothing pinned yet. Right-click a sink or an edge on the canvas and choose Pin to Dashboard, or use Pin…</source>
        <translation>Noch nichts angeheftet. Rechtsklick auf eine Senke oder Kante im Editor und „Ans Dashboard anheften“ wählen, oder „Anheften …“ verwenden</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="207"/>
        <location filename="../app/dashboard/DashboardDock.cpp" line="263"/>
        <source>Pin to Dashboard</source>
        <translation>Ans Dashboard anheften</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="218"/>
        <source>Unpin from Dashboard</source>
        <translation>Vom Dashboard lösen</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="226"/>
        <source>Edit Dashboard View</source>
        <translation>Dashboard-Ansicht bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="237"/>
        <source>Move Dashboard View</source>
        <translation>Dashboard-Ansicht verschieben</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="265"/>
        <source>as Table</source>
        <translation>als Tabelle</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="266"/>
        <source>as Bar Chart</source>
        <translation>als Balkendiagramm</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="267"/>
        <source>as Line Chart</source>
        <translation>als Liniendiagramm</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="268"/>
        <source>as Single Value</source>
        <translation>als Einzelwert</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="291"/>
        <source>Sink %1</source>
        <translation>Senke %1</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="299"/>
        <source>Edge %1</source>
        <translation>Kante %1</translation>
    </message>
</context>
<context>
    <name>sw::app::DashboardViewWidget</name>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="44"/>
        <source>sum of %1</source>
        <translation>Summe von %1</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="46"/>
        <source>count of %1</source>
        <translation>Anzahl von %1</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="48"/>
        <source>minimum of %1</source>
        <translation>Minimum von %1</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="50"/>
        <source>maximum of %1</source>
        <translation>Maximum von %1</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="52"/>
        <source>average of %1</source>
        <translation>Durchschnitt von %1</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="54"/>
        <source>latest %1</source>
        <translation>letzter Wert von %1</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="78"/>
        <source>View menu: settings, export, move, remove</source>
        <translation>Ansichtsmenü: Einstellungen, Export, Verschieben, Entfernen</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="93"/>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="312"/>
        <source>Run the pipeline: results appear here as they arrive</source>
        <translation>Pipeline starten: Ergebnisse erscheinen hier, sobald sie eintreffen</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="132"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="136"/>
        <source>Export as &amp;PNG…</source>
        <translation>Als &amp;PNG exportieren …</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="139"/>
        <source>Export as &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren …</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="143"/>
        <source>Move &amp;Earlier</source>
        <translation>Nach &amp;vorne verschieben</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="146"/>
        <source>Move &amp;Later</source>
        <translation>Nach &amp;hinten verschieben</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="150"/>
        <source>&amp;Remove from Dashboard</source>
        <translation>Vom Dashboard &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="191"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="307"/>
        <source>The stream has no column %1: choose columns in the view&apos;s settings</source>
        <translation>Der Stream hat keine Spalte %1: Spalten in den Einstellungen der Ansicht wählen</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="326"/>
        <source>The stream has no column %1</source>
        <translation>Der Stream hat keine Spalte %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="338"/>
        <source>%n window(s)</source>
        <translation>
            <numerusform>%n Fenster</numerusform>
            <numerusform>%n Fenster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="339"/>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="340"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="342"/>
        <source>keeps the last %n window(s)</source>
        <translation>
            <numerusform>behält %n Fenster (das neueste)</numerusform>
            <numerusform>behält %n Fenster (die neuesten)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="343"/>
        <source>keeps the last %n row(s)</source>
        <translation>
            <numerusform>behält %n Zeile (die neueste)</numerusform>
            <numerusform>behält %n Zeilen (die neuesten)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="346"/>
        <source>%n record(s) arrived faster than shown</source>
        <translation>
            <numerusform>%n Datensatz kam schneller an als angezeigt</numerusform>
            <numerusform>%n Datensätze kamen schneller an als angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="348"/>
        <source>%n record(s) with other columns not shown</source>
        <translation>
            <numerusform>%n Datensatz mit anderen Spalten nicht angezeigt</numerusform>
            <numerusform>%n Datensätze mit anderen Spalten nicht angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="350"/>
        <source>Nothing flows into this node</source>
        <translation>In diesen Knoten fließt nichts</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="382"/>
        <source>Export View as PNG</source>
        <translation>Ansicht als PNG exportieren</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="382"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="383"/>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="390"/>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="389"/>
        <source>Export View as CSV</source>
        <translation>Ansicht als CSV exportieren</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="389"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>sw::app::DlqBrowser</name>
    <message>
        <location filename="../app/run/DlqBrowser.cpp" line="58"/>
        <source>Replay feeds records into a running pipeline: start the pipeline (with your fix) first</source>
        <translation>Replay speist Datensätze in eine laufende Pipeline ein: Starten Sie zuerst die Pipeline (mit Ihrer Korrektur)</translation>
    </message>
    <message>
        <location filename="../app/run/DlqBrowser.cpp" line="70"/>
        <source>no pipeline is running</source>
        <translation>keine Pipeline läuft</translation>
    </message>
    <message>
        <location filename="../app/run/DlqBrowser.cpp" line="87"/>
        <source>replayed into &apos;%1&apos; in run %2</source>
        <translation>in „%1“ erneut eingespielt (Lauf %2)</translation>
    </message>
</context>
<context>
    <name>sw::app::Document</name>
    <message>
        <location filename="../app/document/Document.cpp" line="53"/>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="69"/>
        <source>Move Node</source>
        <translation>Knoten verschieben</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/document/Document.cpp" line="70"/>
        <source>Move %n Nodes</source>
        <translation>
            <numerusform>%n Knoten verschieben</numerusform>
            <numerusform>%n Knoten verschieben</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="90"/>
        <source>Set Partitioning to %1</source>
        <translation>Partitionierung auf %1 setzen</translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="137"/>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="144"/>
        <source>Rename Node</source>
        <translation>Knoten umbenennen</translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="150"/>
        <source>Change Pipeline Settings</source>
        <translation>Pipeline-Einstellungen ändern</translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="213"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location filename="../app/document/EdgeCommands.cpp" line="10"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/document/NodeCommands.cpp" line="59"/>
        <source>Delete %n Node(s)</source>
        <translation>
            <numerusform>%n Knoten löschen</numerusform>
            <numerusform>%n Knoten löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/document/NodeCommands.cpp" line="61"/>
        <source>Delete %n Connection(s)</source>
        <translation>
            <numerusform>%n Verbindung löschen</numerusform>
            <numerusform>%n Verbindungen löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::app::EventInspector</name>
    <message>
        <location filename="../app/run/EventInspector.cpp" line="30"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../app/run/EventInspector.cpp" line="32"/>
        <source>Inspect %1</source>
        <translation>%1 untersuchen</translation>
    </message>
</context>
<context>
    <name>sw::app::ExportDialog</name>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="28"/>
        <source>Export for Production</source>
        <translation>Export für die Produktion</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="37"/>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="38"/>
        <source>Flink SQL</source>
        <translation>Flink SQL</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="39"/>
        <source>Kubernetes (FlinkDeployment + KafkaTopics)</source>
        <translation>Kubernetes (FlinkDeployment + KafkaTopics)</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="41"/>
        <source>Kafka topic plan</source>
        <translation>Kafka-Topic-Plan</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="42"/>
        <source>Production readiness</source>
        <translation>Produktionsreife</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="58"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="58"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="58"/>
        <source>Feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="58"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="58"/>
        <source>Closest equivalent</source>
        <translation>Nächste Entsprechung</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="74"/>
        <source>Not exported exactly (per node; double-click to select the node):</source>
        <translation>Nicht exakt exportiert (je Knoten; Doppelklick wählt den Knoten aus):</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="81"/>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="90"/>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/export/ExportDialog.cpp" line="106"/>
        <source>%n file(s) for job &apos;%1&apos;.</source>
        <translation>
            <numerusform>%n Datei für Job „%1“.</numerusform>
            <numerusform>%n Dateien für Job „%1“.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="110"/>
        <source>Cannot export: %1</source>
        <translation>Export nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="166"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/export/ExportDialog.cpp" line="170"/>
        <source>Saved %n file(s) to %1.</source>
        <translation>
            <numerusform>%n Datei in %1 gespeichert.</numerusform>
            <numerusform>%n Dateien in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="177"/>
        <source>Export to folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
</context>
<context>
    <name>sw::app::Language</name>
    <message>
        <location filename="../app/ui/Language.cpp" line="20"/>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>sw::app::MainWindow</name>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="81"/>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="87"/>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="93"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="124"/>
        <source>Cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="152"/>
        <source>✔ Valid</source>
        <translation>✔ Gültig</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindow.cpp" line="154"/>
        <location filename="../app/ui/MainWindow.cpp" line="157"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindow.cpp" line="156"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="159"/>
        <source>Validation: see the Problems panel</source>
        <translation>Validierung: siehe Bereich „Probleme“</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindow.cpp" line="161"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n Knoten</numerusform>
            <numerusform>%n Knoten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindow.cpp" line="163"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n Verbindung</numerusform>
            <numerusform>%n Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="164"/>
        <source>Zoom %1%</source>
        <translation>Zoom %1&#xa0;%</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="49"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="52"/>
        <source>New &amp;Window</source>
        <translation>Neues &amp;Fenster</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="52"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="58"/>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen …</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="63"/>
        <source>Open Pipeline</source>
        <translation>Pipeline öffnen</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="64"/>
        <source>Pipelines (*.pipeline.json *.json);;All files (*)</source>
        <translation>Pipelines (*.pipeline.json *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="67"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="68"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="69"/>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="74"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="76"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="81"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="83"/>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="86"/>
        <source>Cu&amp;t</source>
        <translation>Aus&amp;schneiden</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="87"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="88"/>
        <source>&amp;Paste</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="89"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="89"/>
        <source>Dup&amp;licate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="92"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="94"/>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="96"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="98"/>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="99"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="101"/>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="101"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="103"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="103"/>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="105"/>
        <source>Auto-&amp;Layout</source>
        <translation>Automatisch &amp;anordnen</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="105"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="107"/>
        <source>&amp;Snap to Grid</source>
        <translation>Am &amp;Raster ausrichten</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="111"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="111"/>
        <source>Pr&amp;eferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="113"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="115"/>
        <source>&amp;About Streamwright</source>
        <translation>Ü&amp;ber Streamwright</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="117"/>
        <source>About Streamwright</source>
        <translation>Über Streamwright</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="118"/>
        <source>&lt;h3&gt;Streamwright %1&lt;/h3&gt;&lt;p&gt;Design streaming pipelines visually, run them on an embedded runtime and export them to Flink SQL and Kubernetes.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Streamwright %1&lt;/h3&gt;&lt;p&gt;Streaming-Pipelines visuell entwerfen, auf einer eingebetteten Laufzeitumgebung ausführen und nach Flink SQL und Kubernetes exportieren.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="131"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="136"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="139"/>
        <source>Open E&amp;xample</source>
        <translation>Beis&amp;piel öffnen</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="149"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="159"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="170"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="178"/>
        <source>Main</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="215"/>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="217"/>
        <source>Clear Recent Files</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="238"/>
        <source>No examples found</source>
        <translation>Keine Beispiele gefunden</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindowEdit.cpp" line="56"/>
        <source>Copied %n node(s)</source>
        <translation>
            <numerusform>%n Knoten kopiert</numerusform>
            <numerusform>%n Knoten kopiert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowEdit.cpp" line="83"/>
        <source>The clipboard does not hold pipeline nodes: %1</source>
        <translation>Die Zwischenablage enthält keine Pipeline-Knoten: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowEdit.cpp" line="93"/>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowEdit.cpp" line="103"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowEdit.cpp" line="130"/>
        <source>Auto-Layout</source>
        <translation>Automatisch anordnen</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowExtras.cpp" line="23"/>
        <source>&amp;Export for Production…</source>
        <translation>Für die Produktion e&amp;xportieren …</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowExtras.cpp" line="25"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowExtras.cpp" line="26"/>
        <source>Flink SQL, Kubernetes manifests and the Kafka topic plan</source>
        <translation>Flink SQL, Kubernetes-Manifeste und der Kafka-Topic-Plan</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="46"/>
        <source>Cannot Open Pipeline</source>
        <translation>Pipeline kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="47"/>
        <source>%1 could not be opened:

%2</source>
        <translation>%1 konnte nicht geöffnet werden:

%2</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="58"/>
        <source>Opened a copy of %1</source>
        <translation>Kopie von %1 geöffnet</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="59"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="79"/>
        <source>Save Pipeline</source>
        <translation>Pipeline speichern</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="80"/>
        <source>Pipelines (*.pipeline.json);;All files (*)</source>
        <translation>Pipelines (*.pipeline.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="90"/>
        <source>Cannot Save Pipeline</source>
        <translation>Pipeline kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="91"/>
        <source>The pipeline was not saved; %1 is unchanged.

%2</source>
        <translation>Die Pipeline wurde nicht gespeichert; %1 ist unverändert.

%2</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="98"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="105"/>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="106"/>
        <source>Save changes to %1 before closing?</source>
        <translation>Änderungen an %1 vor dem Schließen speichern?</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="109"/>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>Ihre Änderungen gehen verloren, wenn Sie sie nicht speichern.</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="126"/>
        <source>an untitled pipeline</source>
        <translation>eine unbenannte Pipeline</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="129"/>
        <source>Recover Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="130"/>
        <source>Streamwright ended without saving %1.
Unsaved changes from %2 can be recovered.</source>
        <translation>Streamwright wurde beendet, ohne %1 zu speichern.
Ungespeicherte Änderungen vom %2 können wiederhergestellt werden.</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="134"/>
        <source>Recover</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="135"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="136"/>
        <source>Not Now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="147"/>
        <source>Recovered unsaved changes of %1</source>
        <translation>Ungespeicherte Änderungen von %1 wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>sw::app::PreferencesDialog</name>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="22"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="31"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="32"/>
        <source>The language takes effect when Streamwright is restarted.</source>
        <translation>Die Sprache wird nach einem Neustart von Streamwright wirksam.</translation>
    </message>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="39"/>
        <source>&amp;Serve Prometheus metrics while a pipeline runs</source>
        <translation>&amp;Prometheus-Metriken bereitstellen, während eine Pipeline läuft</translation>
    </message>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="46"/>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="49"/>
        <source>Monitoring</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="52"/>
        <source>&amp;Port on 127.0.0.1:</source>
        <translation>&amp;Port auf 127.0.0.1:</translation>
    </message>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="54"/>
        <source>Serves http://127.0.0.1:PORT/metrics from the next run on, as streamwright-run --metrics-port does.</source>
        <translation>Stellt ab dem nächsten Lauf http://127.0.0.1:PORT/metrics bereit, wie streamwright-run --metrics-port.</translation>
    </message>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="88"/>
        <source>&lt;b&gt;Restart Streamwright to use the new language.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Starten Sie Streamwright neu, um die neue Sprache zu verwenden.&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>sw::app::ReadinessDock</name>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="34"/>
        <source>Production Readiness</source>
        <translation>Produktionsreife</translation>
    </message>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="40"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="40"/>
        <source>Check / finding</source>
        <translation>Prüfung / Befund</translation>
    </message>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="40"/>
        <source>Fix / details</source>
        <translation>Behebung / Details</translation>
    </message>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="55"/>
        <source>%1 pass, %2 warn, %3 fail</source>
        <translation>%1 bestanden, %2 Warnungen, %3 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="72"/>
        <source>(pipeline)</source>
        <translation>(Pipeline)</translation>
    </message>
</context>
<context>
    <name>sw::app::RunAndDebug</name>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="102"/>
        <location filename="../app/run/RunAndDebug.cpp" line="137"/>
        <location filename="../app/run/RunAndDebug.cpp" line="303"/>
        <source>&amp;Run</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="106"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="109"/>
        <source>Pause the sources; in-flight records keep flowing (F6)</source>
        <translation>Quellen anhalten; bereits unterwegs befindliche Datensätze fließen weiter (F6)</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="111"/>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="114"/>
        <source>Stop: drain in-flight records, then end (Shift+F5)</source>
        <translation>Stopp: unterwegs befindliche Datensätze abarbeiten, dann beenden (Shift+F5)</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="116"/>
        <source>R&amp;estart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="119"/>
        <source>Stop and run the current pipeline again (Ctrl+Shift+F5)</source>
        <translation>Anhalten und die aktuelle Pipeline erneut ausführen (Ctrl+Shift+F5)</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="125"/>
        <source>Run &amp;from Scratch</source>
        <translation>Von &amp;Anfang an ausführen</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="129"/>
        <source>Discard the pipeline&apos;s checkpoints and run it from the beginning (Ctrl+F5)</source>
        <translation>Die Checkpoints der Pipeline verwerfen und sie von Anfang an ausführen (Strg+F5)</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="132"/>
        <source>Run the pipeline, resuming from its latest completed checkpoint when there is one (F5)</source>
        <translation>Die Pipeline ausführen, ab ihrem letzten abgeschlossenen Checkpoint, falls vorhanden (F5)</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="143"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="152"/>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="164"/>
        <source>Dead Letters</source>
        <translation>Dead Letters</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="175"/>
        <source>Dead Letters (%1)</source>
        <translation>Dead Letters (%1)</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="186"/>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="198"/>
        <source>Metrics: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Metriken: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="199"/>
        <source>Prometheus metrics of the run (Edit &gt; Preferences)</source>
        <translation>Prometheus-Metriken des Laufs (Bearbeiten &gt; Einstellungen)</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="256"/>
        <source> · edited: Restart applies the changes</source>
        <translation> · bearbeitet: Neustart übernimmt die Änderungen</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="272"/>
        <source>The label of %1 changed</source>
        <translation>Die Bezeichnung von %1 wurde geändert</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="273"/>
        <source>%1.%2 changed</source>
        <translation>%1.%2 wurde geändert</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="277"/>
        <source>The pipeline settings changed</source>
        <translation>Die Pipeline-Einstellungen wurden geändert</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="280"/>
        <source>The pipeline&apos;s structure changed</source>
        <translation>Die Struktur der Pipeline wurde geändert</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="292"/>
        <source>%1: the running pipeline keeps the version it started with; Restart (Ctrl+Shift+F5) runs the edited one</source>
        <translation>%1: Die laufende Pipeline behält die Version, mit der sie gestartet wurde; Neustart (Ctrl+Shift+F5) führt die bearbeitete aus</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="303"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="316"/>
        <source>Running: structural edits are disabled; property changes apply at the next run</source>
        <translation>Läuft: Strukturänderungen sind gesperrt; Eigenschaftsänderungen gelten ab dem nächsten Lauf</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="347"/>
        <source>Stop the pipeline to change connections</source>
        <translation>Halten Sie die Pipeline an, um Verbindungen zu ändern</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="375"/>
        <source>Inspect %1</source>
        <translation>%1 untersuchen</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="399"/>
        <source>pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="400"/>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
</context>
<context>
    <name>sw::app::RunController</name>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="26"/>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="28"/>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="30"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="32"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="34"/>
        <source>Stopping</source>
        <translation>Wird angehalten</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="45"/>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="47"/>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="49"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="51"/>
        <source>Could not start</source>
        <translation>Start fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="94"/>
        <source> after %1</source>
        <translation> nach %1</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="100"/>
        <source> · Kafka %1</source>
        <translation> · Kafka %1</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="113"/>
        <source>More runtime problems were not listed (limit %1)</source>
        <translation>Weitere Laufzeitprobleme wurden nicht aufgeführt (Grenze %1)</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStart.cpp" line="131"/>
        <source>Metrics endpoint: %1. The run goes on without it; choose another port in Preferences.</source>
        <translation>Metrik-Endpunkt: %1. Der Lauf geht ohne ihn weiter; wählen Sie in den Einstellungen einen anderen Port.</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStart.cpp" line="143"/>
        <source>Run from scratch: the checkpoints in %1 were discarded</source>
        <translation>Von Anfang an: die Checkpoints in %1 wurden verworfen</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStart.cpp" line="148"/>
        <source>Starting from scratch: no completed checkpoint in %1</source>
        <translation>Start von Anfang an: kein abgeschlossener Checkpoint in %1</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStart.cpp" line="168"/>
        <source>Run from Scratch (Ctrl+F5) discards the checkpoints and runs the pipeline as it is now</source>
        <translation>„Von Anfang an ausführen“ (Strg+F5) verwirft die Checkpoints und führt die Pipeline in ihrer jetzigen Form aus</translation>
    </message>
</context>
<context>
    <name>sw::app::ShortcutsDialog</name>
    <message>
        <location filename="../app/ui/ShortcutsDialog.cpp" line="56"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../app/ui/ShortcutsDialog.cpp" line="59"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../app/ui/ShortcutsDialog.cpp" line="59"/>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../app/ui/ShortcutsDialog.cpp" line="92"/>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
</context>
<context>
    <name>sw::app::StartPage</name>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="79"/>
        <source>New Pipeline</source>
        <translation>Neue Pipeline</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="81"/>
        <source>Open…</source>
        <translation>Öffnen …</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="90"/>
        <source>Design streaming pipelines, run them on the embedded runtime and export them to Flink SQL and Kubernetes.</source>
        <translation>Streaming-Pipelines entwerfen, auf der eingebetteten Laufzeitumgebung ausführen und nach Flink SQL und Kubernetes exportieren.</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="100"/>
        <source>Pipeline file format</source>
        <translation>Format der Pipeline-Dateien</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="101"/>
        <source>Kafka and the embedded broker</source>
        <translation>Kafka und der eingebettete Broker</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="102"/>
        <source>Export for production</source>
        <translation>Export für die Produktion</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="108"/>
        <source>Recent Files</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="112"/>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="126"/>
        <source>Welcome to Streamwright</source>
        <translation>Willkommen bei Streamwright</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="133"/>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="184"/>
        <source>No recent files yet: open an example, or start a new pipeline.</source>
        <translation>Noch keine zuletzt geöffneten Dateien: Öffnen Sie ein Beispiel oder beginnen Sie eine neue Pipeline.</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="209"/>
        <source>No examples found.</source>
        <translation>Keine Beispiele gefunden.</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="221"/>
        <source>Per-user sessions of a clickstream, bots filtered out, into a JSON Lines file</source>
        <translation>Sitzungen je Nutzer aus einem Clickstream, ohne Bots, in eine JSON-Lines-Datei</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="224"/>
        <source>Nexmark Q5: bids per auction in hopping windows, on the console</source>
        <translation>Nexmark Q5: Gebote je Auktion in Hopping-Fenstern, auf der Konsole</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="226"/>
        <source>Orders archived exactly once as Avro files in hourly partitions</source>
        <translation>Bestellungen genau einmal als Avro-Dateien in stündlichen Partitionen archiviert</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="228"/>
        <source>Orders to a data lake, large-order alerts, revenue into Redis</source>
        <translation>Bestellungen in einen Data Lake, Alarme für große Bestellungen, Umsatz in Redis</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="230"/>
        <source>Orders through Kafka topics: deduplicated, revenue per category, dead letters</source>
        <translation>Bestellungen über Kafka-Topics: dedupliziert, Umsatz je Kategorie, Dead Letters</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="233"/>
        <source>Revenue per category in 5-minute windows into SQLite, with a dead-letter queue</source>
        <translation>Umsatz je Kategorie in 5-Minuten-Fenstern nach SQLite, mit Dead-Letter-Queue</translation>
    </message>
</context>
<context>
    <name>sw::app::ViewSettingsDialog</name>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="28"/>
        <source>Dashboard View</source>
        <translation>Dashboard-Ansicht</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="32"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="35"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="36"/>
        <source>Bar chart</source>
        <translation>Balkendiagramm</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="37"/>
        <source>Line chart</source>
        <translation>Liniendiagramm</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="38"/>
        <source>Single value</source>
        <translation>Einzelwert</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="42"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="47"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="61"/>
        <source>&amp;Category / x column:</source>
        <translation>&amp;Kategorie-/x-Spalte:</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="62"/>
        <source>&amp;Value column:</source>
        <translation>&amp;Wertspalte:</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="63"/>
        <source>&amp;Series column:</source>
        <translation>&amp;Serienspalte:</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="67"/>
        <source>Latest value</source>
        <translation>Letzter Wert</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="67"/>
        <source>Sum</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="68"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="68"/>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="69"/>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="69"/>
        <source>Average</source>
        <translation>Durchschnitt</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="73"/>
        <source>How the value column of the rows the view keeps is folded, per bar or point (charts) or into one number (tile)</source>
        <translation>Wie die Wertspalte der Zeilen, die die Ansicht behält, zusammengefasst wird: je Balken oder Punkt (Diagramme) oder zu einer Zahl (Einzelwert)</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="75"/>
        <source>&amp;Fold:</source>
        <translation>&amp;Zusammenfassen:</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="81"/>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="82"/>
        <source>windows</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="84"/>
        <source>Windows count distinct window_end values (window results)</source>
        <translation>Fenster zählen verschiedene window_end-Werte (Fensterergebnisse)</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="90"/>
        <source>Keep the &amp;last:</source>
        <translation>Die &amp;letzten behalten:</translation>
    </message>
</context>
<context>
    <name>sw::widgets::AggregatesField</name>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="57"/>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="57"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="57"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="101"/>
        <source>choose a column (or * for COUNT)</source>
        <translation>Spalte wählen (oder * für COUNT)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="103"/>
        <source>%1 needs a column, not *</source>
        <translation>%1 braucht eine Spalte, nicht *</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="105"/>
        <source>the result needs a column name (letters, digits, _)</source>
        <translation>das Ergebnis braucht einen Spaltennamen (Buchstaben, Ziffern, _)</translation>
    </message>
</context>
<context>
    <name>sw::widgets::CheckpointsPanel</name>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="33"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="33"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="33"/>
        <source>Triggered</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="33"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="34"/>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="34"/>
        <source>State size</source>
        <translation>Zustandsgröße</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="34"/>
        <source>Alignment</source>
        <translation>Ausrichtung</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="36"/>
        <source>End to end: from the trigger until the checkpoint was stored</source>
        <translation>Gesamtdauer: vom Auslösen bis der Checkpoint gespeichert war</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="38"/>
        <source>From the trigger until every subtask acknowledged its barrier</source>
        <translation>Vom Auslösen bis jeder Subtask seine Barriere bestätigt hatte</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="40"/>
        <source>Barrier alignment: the longest subtask (per subtask when expanded)</source>
        <translation>Barrieren-Ausrichtung: der längste Subtask (aufgeklappt je Subtask)</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="61"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="62"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="75"/>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="77"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="79"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="81"/>
        <source>Abandoned</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="133"/>
        <source>After restart %1</source>
        <translation>Nach Neustart %1</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="173"/>
        <source>Run the pipeline to see its checkpoints.</source>
        <translation>Führen Sie die Pipeline aus, um ihre Checkpoints zu sehen.</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="179"/>
        <source>This run takes no checkpoints (the pipeline has no checkpoint interval).</source>
        <translation>Dieser Lauf erstellt keine Checkpoints (die Pipeline hat kein Checkpoint-Intervall).</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="183"/>
        <source>&lt;b&gt;Completed&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Failed&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;In progress&lt;/b&gt; %3 &amp;nbsp; &lt;b&gt;Restarts&lt;/b&gt; %4</source>
        <translation>&lt;b&gt;Abgeschlossen&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Fehlgeschlagen&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;Laufend&lt;/b&gt; %3 &amp;nbsp; &lt;b&gt;Neustarts&lt;/b&gt; %4</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="190"/>
        <source>Restored checkpoint %1 at a restart (%2)</source>
        <translation>Checkpoint %1 bei einem Neustart wiederhergestellt (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="191"/>
        <source>Resumed from checkpoint %1 (%2)</source>
        <translation>Fortgesetzt ab Checkpoint %1 (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="195"/>
        <source>Started from scratch</source>
        <translation>Von Anfang an gestartet</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="197"/>
        <source>Checkpoints are not stored: a later run cannot resume from them</source>
        <translation>Checkpoints werden nicht gespeichert: ein späterer Lauf kann nicht daran anknüpfen</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="199"/>
        <source>Latest completed: %1 at %2, %3, %4, alignment %5</source>
        <translation>Zuletzt abgeschlossen: %1 um %2, %3, %4, Ausrichtung %5</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="203"/>
        <source>Store: %1</source>
        <translation>Speicher: %1</translation>
    </message>
</context>
<context>
    <name>sw::widgets::ColumnField</name>
    <message>
        <location filename="../widgets/properties/fields/SimpleFields.cpp" line="184"/>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/SimpleFields.cpp" line="230"/>
        <source>no column &apos;%1&apos; in the input (columns: %2)</source>
        <translation>keine Spalte „%1“ in der Eingabe (Spalten: %2)</translation>
    </message>
</context>
<context>
    <name>sw::widgets::ColumnsField</name>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="119"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="119"/>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="135"/>
        <source>&apos;%1&apos; is not a column name (letters, digits, _)</source>
        <translation>„%1“ ist kein Spaltenname (Buchstaben, Ziffern, _)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="137"/>
        <source>%1: an expression is required</source>
        <translation>%1: Ein Ausdruck ist erforderlich</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="143"/>
        <source>%1: column %2: %3</source>
        <translation>%1: Spalte %2: %3</translation>
    </message>
</context>
<context>
    <name>sw::widgets::DlqBrowserView</name>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="85"/>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="87"/>
        <source>Node:</source>
        <translation>Knoten:</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="130"/>
        <source>Raw value (hex)</source>
        <translation>Rohwert (hex)</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="131"/>
        <source>Raw value (text)</source>
        <translation>Rohwert (Text)</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="132"/>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="313"/>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="340"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="133"/>
        <source>Record / replay text</source>
        <translation>Datensatz / Replay-Text</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="142"/>
        <source>Export selected…</source>
        <translation>Auswahl exportieren …</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="144"/>
        <source>Edit replay text…</source>
        <translation>Replay-Text bearbeiten …</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="146"/>
        <source>Replay selected</source>
        <translation>Auswahl erneut einspielen</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="200"/>
        <source>All reasons</source>
        <translation>Alle Gründe</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="201"/>
        <source>All nodes</source>
        <translation>Alle Knoten</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="308"/>
        <source>Select a record.</source>
        <translation>Wählen Sie einen Datensatz aus.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="309"/>
        <source>%n records selected.</source>
        <translation>
            <numerusform>%n Datensatz ausgewählt.</numerusform>
            <numerusform>%n Datensätze ausgewählt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="362"/>
        <source>%Ln error records</source>
        <translation>
            <numerusform>%Ln Fehlerdatensatz</numerusform>
            <numerusform>%Ln Fehlerdatensätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="364"/>
        <source>, %Ln shown</source>
        <translation>
            <numerusform>, %Ln angezeigt</numerusform>
            <numerusform>, %Ln angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="365"/>
        <source> · %Ln not captured (capture buffer full)</source>
        <translation>
            <numerusform> · %Ln nicht erfasst (Erfassungspuffer voll)</numerusform>
            <numerusform> · %Ln nicht erfasst (Erfassungspuffer voll)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="366"/>
        <source> · %Ln oldest dropped</source>
        <translation>
            <numerusform> · %Ln älterer verworfen</numerusform>
            <numerusform> · %Ln ältere verworfen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="317"/>
        <source>&lt;b&gt;%1&lt;/b&gt; at node &lt;b&gt;%2&lt;/b&gt; · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; an Knoten &lt;b&gt;%2&lt;/b&gt; · %3</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="322"/>
        <source> · from %1</source>
        <translation> · aus %1</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="323"/>
        <source> · Kafka time %1</source>
        <translation> · Kafka-Zeit %1</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="333"/>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="334"/>
        <source>(no raw bytes)</source>
        <translation>(keine Rohbytes)</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="336"/>
        <source>key: %1
value: %2</source>
        <translation>Key: %1
Value: %2</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="341"/>
        <source>Headers (%1)</source>
        <translation>Header (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="343"/>
        <source>(edited)
</source>
        <translation>(bearbeitet)
</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="353"/>
        <source>Feed the selected records back into the running pipeline at the node that failed them</source>
        <translation>Die ausgewählten Datensätze an dem Knoten, an dem sie gescheitert sind, wieder in die laufende Pipeline einspeisen</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="372"/>
        <source>Export dead letters</source>
        <translation>Dead Letters exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="374"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="377"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="387"/>
        <source>Fix the raw value</source>
        <translation>Rohwert korrigieren</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="387"/>
        <source>Fix the record</source>
        <translation>Datensatz korrigieren</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="390"/>
        <source>The source parses this text again on replay:</source>
        <translation>Die Quelle liest diesen Text beim Replay erneut ein:</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="391"/>
        <source>This record (JSON) re-enters node &apos;%1&apos; on replay:</source>
        <translation>Dieser Datensatz (JSON) gelangt beim Replay erneut in Knoten „%1“:</translation>
    </message>
</context>
<context>
    <name>sw::widgets::DlqTableModel</name>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="118"/>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="120"/>
        <source>replayed</source>
        <translation>erneut eingespielt</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="123"/>
        <source>replay failed</source>
        <translation>Replay fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="139"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="141"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="143"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="145"/>
        <source>Source position</source>
        <translation>Quellposition</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="147"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="149"/>
        <source>Replay</source>
        <translation>Replay</translation>
    </message>
</context>
<context>
    <name>sw::widgets::DurationField</name>
    <message>
        <location filename="../widgets/properties/fields/SimpleFields.cpp" line="144"/>
        <source>e.g. 5 min, 30 s, 100 ms</source>
        <translation>z. B. 5 min, 30 s, 100 ms</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/SimpleFields.cpp" line="169"/>
        <source>&apos;%1&apos; is not a duration: %2 (type e.g. 5 min, 30 s, 100 ms)</source>
        <translation>„%1“ ist keine Dauer: %2 (z. B. 5 min, 30 s, 100 ms eingeben)</translation>
    </message>
</context>
<context>
    <name>sw::widgets::ExpressionField</name>
    <message>
        <location filename="../widgets/properties/fields/ExpressionField.cpp" line="112"/>
        <source>Insert a column of the input</source>
        <translation>Eine Spalte der Eingabe einfügen</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/ExpressionField.cpp" line="199"/>
        <source>%1 (not applied)</source>
        <translation>%1 (nicht übernommen)</translation>
    </message>
</context>
<context>
    <name>sw::widgets::FieldListField</name>
    <message>
        <location filename="../widgets/properties/fields/FieldListField.cpp" line="22"/>
        <source>column, column, ...</source>
        <translation>Spalte, Spalte, ...</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/FieldListField.cpp" line="102"/>
        <source>not a column of the input</source>
        <translation>keine Spalte der Eingabe</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/FieldListField.cpp" line="105"/>
        <source>%1 (not in the input)</source>
        <translation>%1 (nicht in der Eingabe)</translation>
    </message>
</context>
<context>
    <name>sw::widgets::InspectorView</name>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="42"/>
        <source>Filter with an expression, e.g. amount &gt; 100 AND category = &apos;books&apos;</source>
        <translation>Mit einem Ausdruck filtern, z. B. amount &gt; 100 AND category = &apos;books&apos;</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="50"/>
        <location filename="../widgets/inspector/InspectorView.cpp" line="158"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="52"/>
        <source>Keep the captured records; new ones are counted, not kept</source>
        <translation>Erfasste Datensätze behalten; neue werden gezählt, aber nicht behalten</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="56"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="60"/>
        <source>Copy as JSON</source>
        <translation>Als JSON kopieren</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="61"/>
        <source>Copy the selected rows as a JSON array</source>
        <translation>Die ausgewählten Zeilen als JSON-Array kopieren</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="88"/>
        <source>Select a record to see it as JSON</source>
        <translation>Wählen Sie einen Datensatz aus, um ihn als JSON zu sehen</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="158"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="179"/>
        <source>column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="244"/>
        <source>%Ln captured</source>
        <translation>
            <numerusform>%Ln erfasst</numerusform>
            <numerusform>%Ln erfasst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="245"/>
        <source>%Ln match the filter</source>
        <translation>
            <numerusform>%Ln passt zum Filter</numerusform>
            <numerusform>%Ln passen zum Filter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="246"/>
        <source>paused: %Ln arrived and were not kept</source>
        <translation>
            <numerusform>pausiert: %Ln eingetroffen, nicht behalten</numerusform>
            <numerusform>pausiert: %Ln eingetroffen, nicht behalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="247"/>
        <source>%Ln not captured (capture buffer full)</source>
        <translation>
            <numerusform>%Ln nicht erfasst (Erfassungspuffer voll)</numerusform>
            <numerusform>%Ln nicht erfasst (Erfassungspuffer voll)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="249"/>
        <source>%Ln oldest dropped from the table</source>
        <translation>
            <numerusform>%Ln ältester aus der Tabelle entfernt</numerusform>
            <numerusform>%Ln älteste aus der Tabelle entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="251"/>
        <source>%Ln could not be evaluated</source>
        <translation>
            <numerusform>%Ln nicht auswertbar</numerusform>
            <numerusform>%Ln nicht auswertbar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::widgets::KeyValueField</name>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="189"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="189"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="215"/>
        <source>the key is empty</source>
        <translation>der Schlüssel ist leer</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="231"/>
        <source>duplicate key &apos;%1&apos;</source>
        <translation>doppelter Schlüssel „%1“</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="233"/>
        <source>row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>sw::widgets::MetricsPanel</name>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="49"/>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="283"/>
        <source>Pause view</source>
        <translation>Ansicht anhalten</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="51"/>
        <source>Freeze the charts; data keeps being recorded</source>
        <translation>Diagramme einfrieren; Daten werden weiter aufgezeichnet</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="55"/>
        <source>Export PNG…</source>
        <translation>PNG exportieren …</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="56"/>
        <source>Save the chart shown as a PNG image</source>
        <translation>Das angezeigte Diagramm als PNG-Bild speichern</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="59"/>
        <source>Last 5 minutes · 4 updates/s · click a legend entry to hide a line</source>
        <translation>Letzte 5 Minuten · 4 Aktualisierungen/s · Legendeneintrag anklicken, um eine Linie auszublenden</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="88"/>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="88"/>
        <source>Throughput per node</source>
        <translation>Durchsatz je Knoten</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="88"/>
        <source>records/s</source>
        <translation>Datensätze/s</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="89"/>
        <source>Consumer lag</source>
        <translation>Consumer-Lag</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="89"/>
        <source>Kafka consumer lag</source>
        <translation>Kafka-Consumer-Lag</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="89"/>
        <source>records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="90"/>
        <source>Watermark lag</source>
        <translation>Watermark-Verzögerung</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="90"/>
        <source>Watermark lag per node</source>
        <translation>Watermark-Verzögerung je Knoten</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="90"/>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="91"/>
        <source>Backpressure</source>
        <translation>Backpressure</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="91"/>
        <source>Queue fill per edge</source>
        <translation>Warteschlangenfüllung je Verbindung</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="91"/>
        <source>% of capacity</source>
        <translation>% der Kapazität</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="92"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="92"/>
        <source>Error rate per node</source>
        <translation>Fehlerrate je Knoten</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="92"/>
        <source>errors/s</source>
        <translation>Fehler/s</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="103"/>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="148"/>
        <source>No Kafka source in this pipeline.</source>
        <translation>Diese Pipeline hat keine Kafka-Quelle.</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="147"/>
        <source>Waiting for consumer lag from the Kafka sources…</source>
        <translation>Warte auf den Consumer-Lag der Kafka-Quellen …</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="158"/>
        <source> in</source>
        <translation> ein</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="160"/>
        <source> out</source>
        <translation> aus</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="203"/>
        <source>Consumer lag is not reported by the engine yet (MetricsSnapshot has no Kafka partition metrics).</source>
        <translation>Die Engine meldet noch keinen Consumer-Lag (MetricsSnapshot enthält keine Kafka-Partitionsmetriken).</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="217"/>
        <source> total</source>
        <translation> gesamt</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="230"/>
        <source>Watermark lag per node (processing time − watermark)</source>
        <translation>Watermark-Verzögerung je Knoten (Verarbeitungszeit − Watermark)</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="231"/>
        <source>Watermark lag per node (newest event time − watermark; event times are historical)</source>
        <translation>Watermark-Verzögerung je Knoten (neueste Ereigniszeit − Watermark; Ereigniszeiten liegen in der Vergangenheit)</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="274"/>
        <source>Prometheus: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Prometheus: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="283"/>
        <source>Resume view</source>
        <translation>Ansicht fortsetzen</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="301"/>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="304"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="308"/>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="310"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>sw::widgets::NodeCanvas</name>
    <message>
        <location filename="../widgets/canvas/NodeCanvas.cpp" line="157"/>
        <source>Drag a node from the palette to start,
or open an example: File ▸ Open Example</source>
        <translation>Ziehen Sie zum Beginnen einen Knoten aus der Palette
oder öffnen Sie ein Beispiel: Datei ▸ Beispiel öffnen</translation>
    </message>
</context>
<context>
    <name>sw::widgets::NodePalette</name>
    <message>
        <location filename="../widgets/palette/NodePalette.cpp" line="58"/>
        <source>Search nodes</source>
        <translation>Knoten suchen</translation>
    </message>
    <message>
        <location filename="../widgets/palette/NodePalette.cpp" line="105"/>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <location filename="../widgets/palette/NodePalette.cpp" line="107"/>
        <source>Transforms</source>
        <translation>Transformationen</translation>
    </message>
    <message>
        <location filename="../widgets/palette/NodePalette.cpp" line="109"/>
        <source>Windows</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <location filename="../widgets/palette/NodePalette.cpp" line="111"/>
        <source>Joins</source>
        <translation>Joins</translation>
    </message>
    <message>
        <location filename="../widgets/palette/NodePalette.cpp" line="113"/>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location filename="../widgets/palette/NodePalette.cpp" line="115"/>
        <source>Sinks</source>
        <translation>Senken</translation>
    </message>
</context>
<context>
    <name>sw::widgets::NumberField</name>
    <message>
        <location filename="../widgets/properties/fields/NumberField.cpp" line="108"/>
        <source>expected an integer</source>
        <translation>Ganzzahl erwartet</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/NumberField.cpp" line="109"/>
        <source>expected a number</source>
        <translation>Zahl erwartet</translation>
    </message>
</context>
<context>
    <name>sw::widgets::PipelineScene</name>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="128"/>
        <source>Release to connect</source>
        <translation>Loslassen zum Verbinden</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="129"/>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="174"/>
        <source>Cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="183"/>
        <source>Partitioning</source>
        <translation>Partitionierung</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="192"/>
        <source>Auto (key-hash into keyed inputs, else forward or rebalance)</source>
        <translation>Automatisch (Key-Hash in geschlüsselte Eingänge, sonst Forward oder Rebalance)</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="193"/>
        <source>Rebalance (round robin over the subtasks)</source>
        <translation>Rebalance (Round Robin über die Subtasks)</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="194"/>
        <source>Broadcast (every record to every subtask)</source>
        <translation>Broadcast (jeder Datensatz an jeden Subtask)</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="195"/>
        <source>Forward (subtask i to subtask i)</source>
        <translation>Forward (Subtask i an Subtask i)</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="240"/>
        <source>Input</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="240"/>
        <source>Output</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="249"/>
        <source>&lt;br/&gt;&lt;i&gt;schema unknown&lt;/i&gt;</source>
        <translation>&lt;br/&gt;&lt;i&gt;Schema unbekannt&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="279"/>
        <source>schema unknown</source>
        <translation>Schema unbekannt</translation>
    </message>
</context>
<context>
    <name>sw::widgets::PipelineSettingsForm</name>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="45"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="50"/>
        <source>Select a node on the canvas to edit its properties.</source>
        <translation>Wählen Sie einen Knoten auf der Arbeitsfläche aus, um seine Eigenschaften zu bearbeiten.</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="57"/>
        <source>e.g. 10 s</source>
        <translation>z. B. 10 s</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="61"/>
        <source>What a failure inside a run does: restore the last completed checkpoint and run again (Flink&apos;s restart strategies)</source>
        <translation>Was ein Fehler während eines Laufs auslöst: den letzten abgeschlossenen Checkpoint wiederherstellen und erneut starten (Flinks Restart-Strategien)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="63"/>
        <source>e.g. 1 s</source>
        <translation>z. B. 1 s</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="64"/>
        <source>e.g. 1 min</source>
        <translation>z. B. 1 min</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="65"/>
        <source>Completed checkpoints kept in the data directory</source>
        <translation>Abgeschlossene Checkpoints, die im Datenverzeichnis bleiben</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="66"/>
        <source>Checkpoint failures in a row that fail the run</source>
        <translation>Checkpoint-Fehler in Folge, die den Lauf scheitern lassen</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="80"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="81"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="83"/>
        <source>Delivery</source>
        <translation>Zustellgarantie</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="84"/>
        <source>Parallelism</source>
        <translation>Parallelität</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="85"/>
        <source>Checkpoint interval</source>
        <translation>Checkpoint-Intervall</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="86"/>
        <source>Schema evolution</source>
        <translation>Schema-Evolution</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="87"/>
        <source>Restart strategy</source>
        <translation>Restart-Strategie</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="88"/>
        <source>Restart attempts</source>
        <translation>Restart-Versuche</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="89"/>
        <source>Restart delay</source>
        <translation>Restart-Verzögerung</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="90"/>
        <source>Max restart delay</source>
        <translation>Maximale Restart-Verzögerung</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="91"/>
        <source>Retained checkpoints</source>
        <translation>Aufbewahrte Checkpoints</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="92"/>
        <source>Tolerable failed checkpoints</source>
        <translation>Tolerierte fehlgeschlagene Checkpoints</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="135"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n Knoten</numerusform>
            <numerusform>%n Knoten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="137"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n Verbindung</numerusform>
            <numerusform>%n Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="154"/>
        <source>expected an integer between 1 and 256 (not applied)</source>
        <translation>Ganzzahl zwischen 1 und 256 erwartet (nicht übernommen)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="163"/>
        <source>must be greater than 0 (not applied)</source>
        <translation>muss größer als 0 sein (nicht übernommen)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="164"/>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="197"/>
        <source>&apos;%1&apos; is not a duration: %2 (not applied)</source>
        <translation>„%1“ ist keine Dauer: %2 (nicht übernommen)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="196"/>
        <source>a delay must not be negative (not applied)</source>
        <translation>eine Verzögerung darf nicht negativ sein (nicht übernommen)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="209"/>
        <source>restart attempts: expected an integer between 1 and 1000 (not applied)</source>
        <translation>Restart-Versuche: Ganzzahl zwischen 1 und 1000 erwartet (nicht übernommen)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="211"/>
        <source>retained checkpoints: expected an integer between 1 and 100 (not applied)</source>
        <translation>aufbewahrte Checkpoints: Ganzzahl zwischen 1 und 100 erwartet (nicht übernommen)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="214"/>
        <source>tolerable failed checkpoints: expected an integer between 1 and 1000 (not applied)</source>
        <translation>tolerierte fehlgeschlagene Checkpoints: Ganzzahl zwischen 1 und 1000 erwartet (nicht übernommen)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="219"/>
        <source>the max restart delay must not be shorter than the delay (not applied)</source>
        <translation>die maximale Restart-Verzögerung darf nicht kürzer als die Verzögerung sein (nicht übernommen)</translation>
    </message>
</context>
<context>
    <name>sw::widgets::ProblemsView</name>
    <message>
        <location filename="../widgets/problems/ProblemsView.cpp" line="40"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../widgets/problems/ProblemsView.cpp" line="40"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../widgets/problems/ProblemsView.cpp" line="40"/>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <location filename="../widgets/problems/ProblemsView.cpp" line="60"/>
        <source>No problems: the pipeline is valid.</source>
        <translation>Keine Probleme: Die Pipeline ist gültig.</translation>
    </message>
    <message>
        <location filename="../widgets/problems/ProblemsView.cpp" line="104"/>
        <source>pipeline</source>
        <translation>Pipeline</translation>
    </message>
</context>
<context>
    <name>sw::widgets::PropertyEditor</name>
    <message>
        <location filename="../widgets/properties/PropertyEditor.cpp" line="133"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PropertyEditor.cpp" line="138"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PropertyEditor.cpp" line="205"/>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PropertyEditor.cpp" line="258"/>
        <source>%1 (not applied)</source>
        <translation>%1 (nicht übernommen)</translation>
    </message>
</context>
<context>
    <name>sw::widgets::RecordTableModel</name>
    <message>
        <location filename="../widgets/inspector/RecordTableModel.cpp" line="134"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/RecordTableModel.cpp" line="135"/>
        <source>event time</source>
        <translation>Ereigniszeit</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/RecordTableModel.cpp" line="136"/>
        <source>key</source>
        <translation>Key</translation>
    </message>
</context>
<context>
    <name>sw::widgets::SchemaDefField</name>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="157"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="157"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="177"/>
        <source>&apos;%1&apos; is not a column name (letters, digits, _)</source>
        <translation>„%1“ ist kein Spaltenname (Buchstaben, Ziffern, _)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="179"/>
        <source>%1: &apos;%2&apos; is not a type: %3</source>
        <translation>%1: „%2“ ist kein Typ: %3</translation>
    </message>
</context>
<context>
    <name>sw::widgets::TableField</name>
    <message>
        <location filename="../widgets/properties/fields/TableField.cpp" line="32"/>
        <source>Add a row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableField.cpp" line="34"/>
        <source>Remove the selected row</source>
        <translation>Ausgewählte Zeile entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableField.cpp" line="104"/>
        <source>row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>sw::widgets::TextField</name>
    <message>
        <location filename="../widgets/properties/fields/SimpleFields.cpp" line="63"/>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
</context>
</TS>
