<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="52"/>
        <source>(headers could not be read: %1)

As stored:
%2</source>
        <translation>(impossible de lire les en-têtes&#xa0;: %1)

Tels qu’enregistrés&#xa0;:
%2</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="54"/>
        <source>(no headers)</source>
        <translation>(aucun en-tête)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/ExpressionField.cpp" line="28"/>
        <source>column %1: %2</source>
        <translation>colonne %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>sw::app::CanvasOverlay</name>
    <message>
        <location filename="../app/run/CanvasOverlay.cpp" line="259"/>
        <source>Inspect records on this edge</source>
        <translation>Inspecter les enregistrements de cette liaison</translation>
    </message>
</context>
<context>
    <name>sw::app::DashboardDock</name>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="40"/>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="49"/>
        <source>Pin…</source>
        <translation>Épingler…</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="50"/>
        <source>Pin a sink or an edge of the pipeline to the dashboard</source>
        <translation>Épingler un sink ou une arête du pipeline au tableau de bord</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="56"/>
        <source>Nothing pinned yet. Right-click a sink or an edge on the canvas and choose Pin to Dashboard, or use Pin…</source>
        <translation>Rien d’épinglé pour l’instant. Cliquez droit sur un sink ou une arête du canevas et choisissez «&#xa0;Épingler au tableau de bord&#xa0;», ou utilisez «&#xa0;Épingler…&#xa0;»</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="207"/>
        <location filename="../app/dashboard/DashboardDock.cpp" line="263"/>
        <source>Pin to Dashboard</source>
        <translation>Épingler au tableau de bord</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="218"/>
        <source>Unpin from Dashboard</source>
        <translation>Retirer du tableau de bord</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="226"/>
        <source>Edit Dashboard View</source>
        <translation>Modifier la vue du tableau de bord</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="237"/>
        <source>Move Dashboard View</source>
        <translation>Déplacer la vue du tableau de bord</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="265"/>
        <source>as Table</source>
        <translation>en tableau</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="266"/>
        <source>as Bar Chart</source>
        <translation>en histogramme</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="267"/>
        <source>as Line Chart</source>
        <translation>en courbes</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="268"/>
        <source>as Single Value</source>
        <translation>en valeur unique</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="291"/>
        <source>Sink %1</source>
        <translation>Sink %1</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardDock.cpp" line="299"/>
        <source>Edge %1</source>
        <translation>Arête %1</translation>
    </message>
</context>
<context>
    <name>sw::app::DashboardViewWidget</name>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="44"/>
        <source>sum of %1</source>
        <translation>somme de %1</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="46"/>
        <source>count of %1</source>
        <translation>nombre de %1</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="48"/>
        <source>minimum of %1</source>
        <translation>minimum de %1</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="50"/>
        <source>maximum of %1</source>
        <translation>maximum de %1</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="52"/>
        <source>average of %1</source>
        <translation>moyenne de %1</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="54"/>
        <source>latest %1</source>
        <translation>dernière valeur de %1</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="78"/>
        <source>View menu: settings, export, move, remove</source>
        <translation>Menu de la vue&#xa0;: paramètres, export, déplacement, retrait</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="93"/>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="312"/>
        <source>Run the pipeline: results appear here as they arrive</source>
        <translation>Exécutez le pipeline&#xa0;: les résultats s’affichent ici dès leur arrivée</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="132"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="136"/>
        <source>Export as &amp;PNG…</source>
        <translation>Exporter en &amp;PNG…</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="139"/>
        <source>Export as &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="143"/>
        <source>Move &amp;Earlier</source>
        <translation>Déplacer vers l’&amp;avant</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="146"/>
        <source>Move &amp;Later</source>
        <translation>Déplacer vers l’a&amp;rrière</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="150"/>
        <source>&amp;Remove from Dashboard</source>
        <translation>&amp;Retirer du tableau de bord</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="191"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="307"/>
        <source>The stream has no column %1: choose columns in the view&apos;s settings</source>
        <translation>Le flux n’a pas de colonne %1&#xa0;: choisissez les colonnes dans les paramètres de la vue</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="326"/>
        <source>The stream has no column %1</source>
        <translation>Le flux n’a pas de colonne %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="338"/>
        <source>%n window(s)</source>
        <translation>
            <numerusform>%n fenêtre</numerusform>
            <numerusform>%n fenêtres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="339"/>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="340"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="342"/>
        <source>keeps the last %n window(s)</source>
        <translation>
            <numerusform>garde %n fenêtre (la dernière)</numerusform>
            <numerusform>garde les %n dernières fenêtres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="343"/>
        <source>keeps the last %n row(s)</source>
        <translation>
            <numerusform>garde %n ligne (la dernière)</numerusform>
            <numerusform>garde les %n dernières lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="346"/>
        <source>%n record(s) arrived faster than shown</source>
        <translation>
            <numerusform>%n enregistrement arrivé plus vite qu’affiché</numerusform>
            <numerusform>%n enregistrements arrivés plus vite qu’affichés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="348"/>
        <source>%n record(s) with other columns not shown</source>
        <translation>
            <numerusform>%n enregistrement avec d’autres colonnes non affiché</numerusform>
            <numerusform>%n enregistrements avec d’autres colonnes non affichés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="350"/>
        <source>Nothing flows into this node</source>
        <translation>Rien n’entre dans ce nœud</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="382"/>
        <source>Export View as PNG</source>
        <translation>Exporter la vue en PNG</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="382"/>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="383"/>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="390"/>
        <source>Could not write %1</source>
        <translation>Impossible d’écrire %1</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="389"/>
        <source>Export View as CSV</source>
        <translation>Exporter la vue en CSV</translation>
    </message>
    <message>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="389"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>sw::app::DlqBrowser</name>
    <message>
        <location filename="../app/run/DlqBrowser.cpp" line="58"/>
        <source>Replay feeds records into a running pipeline: start the pipeline (with your fix) first</source>
        <translation>Le rejeu injecte les enregistrements dans un pipeline en cours d’exécution&#xa0;: démarrez d’abord le pipeline (avec votre correction)</translation>
    </message>
    <message>
        <location filename="../app/run/DlqBrowser.cpp" line="70"/>
        <source>no pipeline is running</source>
        <translation>aucun pipeline n’est en cours d’exécution</translation>
    </message>
    <message>
        <location filename="../app/run/DlqBrowser.cpp" line="87"/>
        <source>replayed into &apos;%1&apos; in run %2</source>
        <translation>rejoué dans «&#xa0;%1&#xa0;» lors de l’exécution %2</translation>
    </message>
</context>
<context>
    <name>sw::app::Document</name>
    <message>
        <location filename="../app/document/Document.cpp" line="53"/>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="69"/>
        <source>Move Node</source>
        <translation>Déplacer le nœud</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/document/Document.cpp" line="70"/>
        <source>Move %n Nodes</source>
        <translation>
            <numerusform>Déplacer %n nœud</numerusform>
            <numerusform>Déplacer %n nœuds</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="90"/>
        <source>Set Partitioning to %1</source>
        <translation>Définir le partitionnement sur %1</translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="137"/>
        <source>Change %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="144"/>
        <source>Rename Node</source>
        <translation>Renommer le nœud</translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="150"/>
        <source>Change Pipeline Settings</source>
        <translation>Modifier les paramètres du pipeline</translation>
    </message>
    <message>
        <location filename="../app/document/Document.cpp" line="213"/>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <location filename="../app/document/EdgeCommands.cpp" line="10"/>
        <source>Connect</source>
        <translation>Connecter</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/document/NodeCommands.cpp" line="59"/>
        <source>Delete %n Node(s)</source>
        <translation>
            <numerusform>Supprimer %n nœud</numerusform>
            <numerusform>Supprimer %n nœuds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/document/NodeCommands.cpp" line="61"/>
        <source>Delete %n Connection(s)</source>
        <translation>
            <numerusform>Supprimer %n liaison</numerusform>
            <numerusform>Supprimer %n liaisons</numerusform>
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
        <translation>Inspecter %1</translation>
    </message>
</context>
<context>
    <name>sw::app::ExportDialog</name>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="28"/>
        <source>Export for Production</source>
        <translation>Export pour la production</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="37"/>
        <source>Everything</source>
        <translation>Tout</translation>
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
        <translation>Plan des topics Kafka</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="42"/>
        <source>Production readiness</source>
        <translation>Préparation à la production</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="58"/>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="58"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="58"/>
        <source>Feature</source>
        <translation>Fonctionnalité</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="58"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="58"/>
        <source>Closest equivalent</source>
        <translation>Équivalent le plus proche</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="74"/>
        <source>Not exported exactly (per node; double-click to select the node):</source>
        <translation>Non exporté à l’identique (par nœud&#xa0;; double-cliquez pour sélectionner le nœud)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="81"/>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="90"/>
        <source>Target:</source>
        <translation>Cible&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/export/ExportDialog.cpp" line="106"/>
        <source>%n file(s) for job &apos;%1&apos;.</source>
        <translation>
            <numerusform>%n fichier pour le job «&#xa0;%1&#xa0;».</numerusform>
            <numerusform>%n fichiers pour le job «&#xa0;%1&#xa0;».</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="110"/>
        <source>Cannot export: %1</source>
        <translation>Export impossible&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="166"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/export/ExportDialog.cpp" line="170"/>
        <source>Saved %n file(s) to %1.</source>
        <translation>
            <numerusform>%n fichier enregistré dans %1.</numerusform>
            <numerusform>%n fichiers enregistrés dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/export/ExportDialog.cpp" line="177"/>
        <source>Export to folder</source>
        <translation>Exporter vers un dossier</translation>
    </message>
</context>
<context>
    <name>sw::app::Language</name>
    <message>
        <location filename="../app/ui/Language.cpp" line="20"/>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
</context>
<context>
    <name>sw::app::MainWindow</name>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="81"/>
        <source>Nodes</source>
        <translation>Nœuds</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="87"/>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="93"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="124"/>
        <source>Cannot connect: %1</source>
        <translation>Connexion impossible&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="152"/>
        <source>✔ Valid</source>
        <translation>✔ Valide</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindow.cpp" line="154"/>
        <location filename="../app/ui/MainWindow.cpp" line="157"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindow.cpp" line="156"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="159"/>
        <source>Validation: see the Problems panel</source>
        <translation>Validation&#xa0;: voir le panneau Problèmes</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindow.cpp" line="161"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n nœud</numerusform>
            <numerusform>%n nœuds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindow.cpp" line="163"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n liaison</numerusform>
            <numerusform>%n liaisons</numerusform>
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
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="52"/>
        <source>New &amp;Window</source>
        <translation>Nou&amp;velle fenêtre</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="52"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="58"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="63"/>
        <source>Open Pipeline</source>
        <translation>Ouvrir un pipeline</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="64"/>
        <source>Pipelines (*.pipeline.json *.json);;All files (*)</source>
        <translation>Pipelines (*.pipeline.json *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="67"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="68"/>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="69"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="74"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="76"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="81"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="83"/>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="86"/>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="87"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="88"/>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="89"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="89"/>
        <source>Dup&amp;licate</source>
        <translation>&amp;Dupliquer</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="92"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="94"/>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="96"/>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="98"/>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="99"/>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="101"/>
        <source>Zoom to &amp;Fit</source>
        <translation>A&amp;juster à la fenêtre</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="101"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="103"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="103"/>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="105"/>
        <source>Auto-&amp;Layout</source>
        <translation>&amp;Disposition automatique</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="105"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="107"/>
        <source>&amp;Snap to Grid</source>
        <translation>A&amp;ligner sur la grille</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="111"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="111"/>
        <source>Pr&amp;eferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="113"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="115"/>
        <source>&amp;About Streamwright</source>
        <translation>À &amp;propos de Streamwright</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="117"/>
        <source>About Streamwright</source>
        <translation>À propos de Streamwright</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="118"/>
        <source>&lt;h3&gt;Streamwright %1&lt;/h3&gt;&lt;p&gt;Design streaming pipelines visually, run them on an embedded runtime and export them to Flink SQL and Kubernetes.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Streamwright %1&lt;/h3&gt;&lt;p&gt;Concevez visuellement des pipelines de streaming, exécutez-les sur un moteur embarqué et exportez-les vers Flink SQL et Kubernetes.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="131"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="136"/>
        <source>Open &amp;Recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="139"/>
        <source>Open E&amp;xample</source>
        <translation>Ouvrir un e&amp;xemple</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="149"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="159"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="170"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="178"/>
        <source>Main</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="215"/>
        <source>No recent files</source>
        <translation>Aucun fichier récent</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="217"/>
        <source>Clear Recent Files</source>
        <translation>Effacer la liste</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowActions.cpp" line="238"/>
        <source>No examples found</source>
        <translation>Aucun exemple trouvé</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindowEdit.cpp" line="56"/>
        <source>Copied %n node(s)</source>
        <translation>
            <numerusform>%n nœud copié</numerusform>
            <numerusform>%n nœuds copiés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowEdit.cpp" line="83"/>
        <source>The clipboard does not hold pipeline nodes: %1</source>
        <translation>Le presse-papiers ne contient pas de nœuds de pipeline&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowEdit.cpp" line="93"/>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowEdit.cpp" line="103"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowEdit.cpp" line="130"/>
        <source>Auto-Layout</source>
        <translation>Disposition automatique</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowExtras.cpp" line="23"/>
        <source>&amp;Export for Production…</source>
        <translation>Exporter pour la &amp;production…</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowExtras.cpp" line="25"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowExtras.cpp" line="26"/>
        <source>Flink SQL, Kubernetes manifests and the Kafka topic plan</source>
        <translation>Flink SQL, manifestes Kubernetes et plan des topics Kafka</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="46"/>
        <source>Cannot Open Pipeline</source>
        <translation>Impossible d’ouvrir le pipeline</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="47"/>
        <source>%1 could not be opened:

%2</source>
        <translation>Impossible d’ouvrir %1&#xa0;:

%2</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="58"/>
        <source>Opened a copy of %1</source>
        <translation>Copie de %1 ouverte</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="59"/>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="79"/>
        <source>Save Pipeline</source>
        <translation>Enregistrer le pipeline</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="80"/>
        <source>Pipelines (*.pipeline.json);;All files (*)</source>
        <translation>Pipelines (*.pipeline.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="90"/>
        <source>Cannot Save Pipeline</source>
        <translation>Impossible d’enregistrer le pipeline</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="91"/>
        <source>The pipeline was not saved; %1 is unchanged.

%2</source>
        <translation>Le pipeline n’a pas été enregistré&#xa0;; %1 est inchangé.

%2</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="98"/>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="105"/>
        <source>Unsaved Changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="106"/>
        <source>Save changes to %1 before closing?</source>
        <translation>Enregistrer les modifications de %1 avant de fermer&#xa0;?</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="109"/>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>Vos modifications seront perdues si vous ne les enregistrez pas.</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="126"/>
        <source>an untitled pipeline</source>
        <translation>un pipeline sans titre</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="129"/>
        <source>Recover Unsaved Changes</source>
        <translation>Récupérer les modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="130"/>
        <source>Streamwright ended without saving %1.
Unsaved changes from %2 can be recovered.</source>
        <translation>Streamwright s’est arrêté sans enregistrer %1.
Les modifications non enregistrées du %2 peuvent être récupérées.</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="134"/>
        <source>Recover</source>
        <translation>Récupérer</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="135"/>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="136"/>
        <source>Not Now</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <location filename="../app/ui/MainWindowFiles.cpp" line="147"/>
        <source>Recovered unsaved changes of %1</source>
        <translation>Modifications non enregistrées de %1 récupérées</translation>
    </message>
</context>
<context>
    <name>sw::app::PreferencesDialog</name>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="22"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="31"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="32"/>
        <source>The language takes effect when Streamwright is restarted.</source>
        <translation>La langue s’applique au prochain démarrage de Streamwright.</translation>
    </message>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="39"/>
        <source>&amp;Serve Prometheus metrics while a pipeline runs</source>
        <translation>&amp;Servir les métriques Prometheus pendant l’exécution d’un pipeline</translation>
    </message>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="46"/>
        <source>any free port</source>
        <translation>un port libre quelconque</translation>
    </message>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="49"/>
        <source>Monitoring</source>
        <translation>Surveillance</translation>
    </message>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="52"/>
        <source>&amp;Port on 127.0.0.1:</source>
        <translation>&amp;Port sur 127.0.0.1 :</translation>
    </message>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="54"/>
        <source>Serves http://127.0.0.1:PORT/metrics from the next run on, as streamwright-run --metrics-port does.</source>
        <translation>Sert http://127.0.0.1:PORT/metrics à partir de la prochaine exécution, comme streamwright-run --metrics-port.</translation>
    </message>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="88"/>
        <source>&lt;b&gt;Restart Streamwright to use the new language.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Redémarrez Streamwright pour utiliser la nouvelle langue.&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>sw::app::ReadinessDock</name>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="34"/>
        <source>Production Readiness</source>
        <translation>Préparation à la production</translation>
    </message>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="40"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="40"/>
        <source>Check / finding</source>
        <translation>Vérification / constat</translation>
    </message>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="40"/>
        <source>Fix / details</source>
        <translation>Correction / détails</translation>
    </message>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="55"/>
        <source>%1 pass, %2 warn, %3 fail</source>
        <translation>%1 réussies, %2 avertissements, %3 échecs</translation>
    </message>
    <message>
        <location filename="../app/export/ReadinessDock.cpp" line="72"/>
        <source>(pipeline)</source>
        <translation>(pipeline)</translation>
    </message>
</context>
<context>
    <name>sw::app::RunAndDebug</name>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="102"/>
        <location filename="../app/run/RunAndDebug.cpp" line="137"/>
        <location filename="../app/run/RunAndDebug.cpp" line="303"/>
        <source>&amp;Run</source>
        <translation>&amp;Exécuter</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="106"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="109"/>
        <source>Pause the sources; in-flight records keep flowing (F6)</source>
        <translation>Mettre les sources en pause&#xa0;; les enregistrements en transit continuent de circuler (F6)</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="111"/>
        <source>&amp;Stop</source>
        <translation>A&amp;rrêter</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="114"/>
        <source>Stop: drain in-flight records, then end (Shift+F5)</source>
        <translation>Arrêter&#xa0;: traiter les enregistrements en transit, puis terminer (Shift+F5)</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="116"/>
        <source>R&amp;estart</source>
        <translation>Redé&amp;marrer</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="119"/>
        <source>Stop and run the current pipeline again (Ctrl+Shift+F5)</source>
        <translation>Arrêter puis exécuter à nouveau le pipeline actuel (Ctrl+Shift+F5)</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="125"/>
        <source>Run &amp;from Scratch</source>
        <translation>Exécuter depuis le &amp;début</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="129"/>
        <source>Discard the pipeline&apos;s checkpoints and run it from the beginning (Ctrl+F5)</source>
        <translation>Supprimer les checkpoints du pipeline et l’exécuter depuis le début (Ctrl+F5)</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="132"/>
        <source>Run the pipeline, resuming from its latest completed checkpoint when there is one (F5)</source>
        <translation>Exécuter le pipeline en reprenant depuis son dernier checkpoint terminé s’il y en a un (F5)</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="143"/>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="152"/>
        <source>Metrics</source>
        <translation>Métriques</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="164"/>
        <source>Dead Letters</source>
        <translation>Lettres mortes</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="175"/>
        <source>Dead Letters (%1)</source>
        <translation>Lettres mortes (%1)</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="186"/>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="198"/>
        <source>Metrics: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Métriques : &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="199"/>
        <source>Prometheus metrics of the run (Edit &gt; Preferences)</source>
        <translation>Métriques Prometheus de l’exécution (Édition &gt; Préférences)</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="256"/>
        <source> · edited: Restart applies the changes</source>
        <translation> · modifié&#xa0;: Redémarrer applique les modifications</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="272"/>
        <source>The label of %1 changed</source>
        <translation>Le libellé de %1 a changé</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="273"/>
        <source>%1.%2 changed</source>
        <translation>%1.%2 a changé</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="277"/>
        <source>The pipeline settings changed</source>
        <translation>Les paramètres du pipeline ont changé</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="280"/>
        <source>The pipeline&apos;s structure changed</source>
        <translation>La structure du pipeline a changé</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="292"/>
        <source>%1: the running pipeline keeps the version it started with; Restart (Ctrl+Shift+F5) runs the edited one</source>
        <translation>%1&#xa0;: le pipeline en cours garde la version avec laquelle il a démarré&#xa0;; Redémarrer (Ctrl+Shift+F5) exécute la version modifiée</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="303"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="316"/>
        <source>Running: structural edits are disabled; property changes apply at the next run</source>
        <translation>En cours d’exécution&#xa0;: les modifications de structure sont désactivées&#xa0;; les modifications de propriétés s’appliquent à la prochaine exécution</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="347"/>
        <source>Stop the pipeline to change connections</source>
        <translation>Arrêtez le pipeline pour modifier les liaisons</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="375"/>
        <source>Inspect %1</source>
        <translation>Inspecter %1</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="399"/>
        <source>pipeline</source>
        <translation>pipeline</translation>
    </message>
    <message>
        <location filename="../app/run/RunAndDebug.cpp" line="400"/>
        <source>run %1</source>
        <translation>exécution %1</translation>
    </message>
</context>
<context>
    <name>sw::app::RunController</name>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="26"/>
        <source>Idle</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="28"/>
        <source>Starting</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="30"/>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="32"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="34"/>
        <source>Stopping</source>
        <translation>Arrêt en cours</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="45"/>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="47"/>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="49"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="51"/>
        <source>Could not start</source>
        <translation>Démarrage impossible</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="94"/>
        <source> after %1</source>
        <translation> après %1</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="100"/>
        <source> · Kafka %1</source>
        <translation> · Kafka %1</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStatus.cpp" line="113"/>
        <source>More runtime problems were not listed (limit %1)</source>
        <translation>D’autres problèmes d’exécution n’ont pas été listés (limite %1)</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStart.cpp" line="131"/>
        <source>Metrics endpoint: %1. The run goes on without it; choose another port in Preferences.</source>
        <translation>Point d’accès des métriques : %1. L’exécution continue sans lui ; choisissez un autre port dans les Préférences.</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStart.cpp" line="143"/>
        <source>Run from scratch: the checkpoints in %1 were discarded</source>
        <translation>Depuis le début : les checkpoints de %1 ont été supprimés</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStart.cpp" line="148"/>
        <source>Starting from scratch: no completed checkpoint in %1</source>
        <translation>Démarrage depuis le début : aucun checkpoint terminé dans %1</translation>
    </message>
    <message>
        <location filename="../app/run/RunControllerStart.cpp" line="168"/>
        <source>Run from Scratch (Ctrl+F5) discards the checkpoints and runs the pipeline as it is now</source>
        <translation>« Exécuter depuis le début » (Ctrl+F5) supprime les checkpoints et exécute le pipeline tel qu’il est maintenant</translation>
    </message>
</context>
<context>
    <name>sw::app::ShortcutsDialog</name>
    <message>
        <location filename="../app/ui/ShortcutsDialog.cpp" line="56"/>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../app/ui/ShortcutsDialog.cpp" line="59"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../app/ui/ShortcutsDialog.cpp" line="59"/>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <location filename="../app/ui/ShortcutsDialog.cpp" line="92"/>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
</context>
<context>
    <name>sw::app::StartPage</name>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="79"/>
        <source>New Pipeline</source>
        <translation>Nouveau pipeline</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="81"/>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="90"/>
        <source>Design streaming pipelines, run them on the embedded runtime and export them to Flink SQL and Kubernetes.</source>
        <translation>Concevez des pipelines de streaming, exécutez-les sur le moteur embarqué et exportez-les vers Flink SQL et Kubernetes.</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="100"/>
        <source>Pipeline file format</source>
        <translation>Format des fichiers de pipeline</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="101"/>
        <source>Kafka and the embedded broker</source>
        <translation>Kafka et le broker embarqué</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="102"/>
        <source>Export for production</source>
        <translation>Export pour la production</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="108"/>
        <source>Recent Files</source>
        <translation>Fichiers récents</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="112"/>
        <source>Examples</source>
        <translation>Exemples</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="126"/>
        <source>Welcome to Streamwright</source>
        <translation>Bienvenue dans Streamwright</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="133"/>
        <source>Documentation</source>
        <translation>Documentation</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="184"/>
        <source>No recent files yet: open an example, or start a new pipeline.</source>
        <translation>Aucun fichier récent pour l’instant&#xa0;: ouvrez un exemple ou créez un nouveau pipeline.</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="209"/>
        <source>No examples found.</source>
        <translation>Aucun exemple trouvé.</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="221"/>
        <source>Per-user sessions of a clickstream, bots filtered out, into a JSON Lines file</source>
        <translation>Sessions par utilisateur d’un clickstream, sans les robots, dans un fichier JSON Lines</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="224"/>
        <source>Nexmark Q5: bids per auction in hopping windows, on the console</source>
        <translation>Nexmark Q5&#xa0;: enchères par vente dans des fenêtres glissantes, sur la console</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="226"/>
        <source>Orders archived exactly once as Avro files in hourly partitions</source>
        <translation>Commandes archivées exactement une fois en fichiers Avro, partitionnées par heure</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="228"/>
        <source>Orders to a data lake, large-order alerts, revenue into Redis</source>
        <translation>Commandes vers un data lake, alertes sur les grosses commandes, chiffre d’affaires dans Redis</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="230"/>
        <source>Orders through Kafka topics: deduplicated, revenue per category, dead letters</source>
        <translation>Commandes via des topics Kafka&#xa0;: dédoublonnées, chiffre d’affaires par catégorie, lettres mortes</translation>
    </message>
    <message>
        <location filename="../app/ui/StartPage.cpp" line="233"/>
        <source>Revenue per category in 5-minute windows into SQLite, with a dead-letter queue</source>
        <translation>Chiffre d’affaires par catégorie en fenêtres de 5 minutes dans SQLite, avec file de lettres mortes</translation>
    </message>
</context>
<context>
    <name>sw::app::ViewSettingsDialog</name>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="28"/>
        <source>Dashboard View</source>
        <translation>Vue du tableau de bord</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="32"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="35"/>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="36"/>
        <source>Bar chart</source>
        <translation>Histogramme</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="37"/>
        <source>Line chart</source>
        <translation>Courbes</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="38"/>
        <source>Single value</source>
        <translation>Valeur unique</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="42"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="47"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="61"/>
        <source>&amp;Category / x column:</source>
        <translation>Colonne de &amp;catégorie / x&#xa0;:</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="62"/>
        <source>&amp;Value column:</source>
        <translation>Colonne de &amp;valeur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="63"/>
        <source>&amp;Series column:</source>
        <translation>Colonne de &amp;séries&#xa0;:</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="67"/>
        <source>Latest value</source>
        <translation>Dernière valeur</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="67"/>
        <source>Sum</source>
        <translation>Somme</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="68"/>
        <source>Count</source>
        <translation>Nombre</translation>
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
        <translation>Moyenne</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="73"/>
        <source>How the value column of the rows the view keeps is folded, per bar or point (charts) or into one number (tile)</source>
        <translation>Comment la colonne de valeur des lignes que garde la vue est agrégée&#xa0;: par barre ou point (graphiques) ou en un seul nombre (valeur unique)</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="75"/>
        <source>&amp;Fold:</source>
        <translation>&amp;Agrégation&#xa0;:</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="81"/>
        <source>rows</source>
        <translation>lignes</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="82"/>
        <source>windows</source>
        <translation>fenêtres</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="84"/>
        <source>Windows count distinct window_end values (window results)</source>
        <translation>Les fenêtres comptent les valeurs distinctes de window_end (résultats de fenêtres)</translation>
    </message>
    <message>
        <location filename="../app/dashboard/ViewSettingsDialog.cpp" line="90"/>
        <source>Keep the &amp;last:</source>
        <translation>Garder les &amp;derniers&#xa0;:</translation>
    </message>
</context>
<context>
    <name>sw::widgets::AggregatesField</name>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="57"/>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="57"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="57"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="101"/>
        <source>choose a column (or * for COUNT)</source>
        <translation>choisissez une colonne (ou * pour COUNT)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="103"/>
        <source>%1 needs a column, not *</source>
        <translation>%1 nécessite une colonne, pas *</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="105"/>
        <source>the result needs a column name (letters, digits, _)</source>
        <translation>le résultat nécessite un nom de colonne (lettres, chiffres, _)</translation>
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
        <translation>État</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="33"/>
        <source>Triggered</source>
        <translation>Déclenché</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="33"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="34"/>
        <source>Acknowledged</source>
        <translation>Acquitté</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="34"/>
        <source>State size</source>
        <translation>Taille de l’état</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="34"/>
        <source>Alignment</source>
        <translation>Alignement</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="36"/>
        <source>End to end: from the trigger until the checkpoint was stored</source>
        <translation>De bout en bout : du déclenchement jusqu’à l’enregistrement du checkpoint</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="38"/>
        <source>From the trigger until every subtask acknowledged its barrier</source>
        <translation>Du déclenchement jusqu’à ce que chaque sous-tâche ait acquitté sa barrière</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="40"/>
        <source>Barrier alignment: the longest subtask (per subtask when expanded)</source>
        <translation>Alignement des barrières : la sous-tâche la plus longue (par sous-tâche une fois déplié)</translation>
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
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="77"/>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="79"/>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="81"/>
        <source>Abandoned</source>
        <translation>Abandonné</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="133"/>
        <source>After restart %1</source>
        <translation>Après le redémarrage %1</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="173"/>
        <source>Run the pipeline to see its checkpoints.</source>
        <translation>Exécutez le pipeline pour voir ses checkpoints.</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="179"/>
        <source>This run takes no checkpoints (the pipeline has no checkpoint interval).</source>
        <translation>Cette exécution ne prend aucun checkpoint (le pipeline n’a pas d’intervalle de checkpoint).</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="183"/>
        <source>&lt;b&gt;Completed&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Failed&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;In progress&lt;/b&gt; %3 &amp;nbsp; &lt;b&gt;Restarts&lt;/b&gt; %4</source>
        <translation>&lt;b&gt;Terminés&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Échoués&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;En cours&lt;/b&gt; %3 &amp;nbsp; &lt;b&gt;Redémarrages&lt;/b&gt; %4</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="190"/>
        <source>Restored checkpoint %1 at a restart (%2)</source>
        <translation>Checkpoint %1 restauré lors d’un redémarrage (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="191"/>
        <source>Resumed from checkpoint %1 (%2)</source>
        <translation>Reprise depuis le checkpoint %1 (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="195"/>
        <source>Started from scratch</source>
        <translation>Démarré depuis le début</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="197"/>
        <source>Checkpoints are not stored: a later run cannot resume from them</source>
        <translation>Les checkpoints ne sont pas enregistrés : une exécution ultérieure ne peut pas reprendre depuis eux</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="199"/>
        <source>Latest completed: %1 at %2, %3, %4, alignment %5</source>
        <translation>Dernier terminé : %1 à %2, %3, %4, alignement %5</translation>
    </message>
    <message>
        <location filename="../widgets/checkpoints/CheckpointsPanel.cpp" line="203"/>
        <source>Store: %1</source>
        <translation>Stockage : %1</translation>
    </message>
</context>
<context>
    <name>sw::widgets::ColumnField</name>
    <message>
        <location filename="../widgets/properties/fields/SimpleFields.cpp" line="184"/>
        <source>(default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/SimpleFields.cpp" line="230"/>
        <source>no column &apos;%1&apos; in the input (columns: %2)</source>
        <translation>aucune colonne «&#xa0;%1&#xa0;» en entrée (colonnes&#xa0;: %2)</translation>
    </message>
</context>
<context>
    <name>sw::widgets::ColumnsField</name>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="119"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="119"/>
        <source>Expression</source>
        <translation>Expression</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="135"/>
        <source>&apos;%1&apos; is not a column name (letters, digits, _)</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom de colonne (lettres, chiffres, _)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="137"/>
        <source>%1: an expression is required</source>
        <translation>%1&#xa0;: une expression est requise</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="143"/>
        <source>%1: column %2: %3</source>
        <translation>%1&#xa0;: colonne %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>sw::widgets::DlqBrowserView</name>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="85"/>
        <source>Reason:</source>
        <translation>Raison&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="87"/>
        <source>Node:</source>
        <translation>Nœud&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="130"/>
        <source>Raw value (hex)</source>
        <translation>Valeur brute (hex)</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="131"/>
        <source>Raw value (text)</source>
        <translation>Valeur brute (texte)</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="132"/>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="313"/>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="340"/>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="133"/>
        <source>Record / replay text</source>
        <translation>Enregistrement / texte à rejouer</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="142"/>
        <source>Export selected…</source>
        <translation>Exporter la sélection…</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="144"/>
        <source>Edit replay text…</source>
        <translation>Modifier le texte à rejouer…</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="146"/>
        <source>Replay selected</source>
        <translation>Rejouer la sélection</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="200"/>
        <source>All reasons</source>
        <translation>Toutes les raisons</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="201"/>
        <source>All nodes</source>
        <translation>Tous les nœuds</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="308"/>
        <source>Select a record.</source>
        <translation>Sélectionnez un enregistrement.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="309"/>
        <source>%n records selected.</source>
        <translation>
            <numerusform>%n enregistrement sélectionné.</numerusform>
            <numerusform>%n enregistrements sélectionnés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="362"/>
        <source>%Ln error records</source>
        <translation>
            <numerusform>%Ln enregistrement en erreur</numerusform>
            <numerusform>%Ln enregistrements en erreur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="364"/>
        <source>, %Ln shown</source>
        <translation>
            <numerusform>, %Ln affiché</numerusform>
            <numerusform>, %Ln affichés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="365"/>
        <source> · %Ln not captured (capture buffer full)</source>
        <translation>
            <numerusform> · %Ln non capturé (tampon de capture plein)</numerusform>
            <numerusform> · %Ln non capturés (tampon de capture plein)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="366"/>
        <source> · %Ln oldest dropped</source>
        <translation>
            <numerusform> · %Ln plus ancien supprimé</numerusform>
            <numerusform> · %Ln plus anciens supprimés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="317"/>
        <source>&lt;b&gt;%1&lt;/b&gt; at node &lt;b&gt;%2&lt;/b&gt; · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; au nœud &lt;b&gt;%2&lt;/b&gt; · %3</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="322"/>
        <source> · from %1</source>
        <translation> · depuis %1</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="323"/>
        <source> · Kafka time %1</source>
        <translation> · horodatage Kafka %1</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="333"/>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="334"/>
        <source>(no raw bytes)</source>
        <translation>(aucun octet brut)</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="336"/>
        <source>key: %1
value: %2</source>
        <translation>clé&#xa0;: %1
valeur&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="341"/>
        <source>Headers (%1)</source>
        <translation>En-têtes (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="343"/>
        <source>(edited)
</source>
        <translation>(modifié)
</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="353"/>
        <source>Feed the selected records back into the running pipeline at the node that failed them</source>
        <translation>Réinjecter les enregistrements sélectionnés dans le pipeline en cours, au nœud où ils ont échoué</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="372"/>
        <source>Export dead letters</source>
        <translation>Exporter les lettres mortes</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="374"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="377"/>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="387"/>
        <source>Fix the raw value</source>
        <translation>Corriger la valeur brute</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="387"/>
        <source>Fix the record</source>
        <translation>Corriger l’enregistrement</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="390"/>
        <source>The source parses this text again on replay:</source>
        <translation>La source analyse à nouveau ce texte lors du rejeu&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="391"/>
        <source>This record (JSON) re-enters node &apos;%1&apos; on replay:</source>
        <translation>Cet enregistrement (JSON) entre à nouveau dans le nœud «&#xa0;%1&#xa0;» lors du rejeu&#xa0;:</translation>
    </message>
</context>
<context>
    <name>sw::widgets::DlqTableModel</name>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="118"/>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="120"/>
        <source>replayed</source>
        <translation>rejoué</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="123"/>
        <source>replay failed</source>
        <translation>échec du rejeu</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="139"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="141"/>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="143"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="145"/>
        <source>Source position</source>
        <translation>Position dans la source</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="147"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../widgets/dlq/DlqTableModel.cpp" line="149"/>
        <source>Replay</source>
        <translation>Rejeu</translation>
    </message>
</context>
<context>
    <name>sw::widgets::DurationField</name>
    <message>
        <location filename="../widgets/properties/fields/SimpleFields.cpp" line="144"/>
        <source>e.g. 5 min, 30 s, 100 ms</source>
        <translation>p. ex. 5 min, 30 s, 100 ms</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/SimpleFields.cpp" line="169"/>
        <source>&apos;%1&apos; is not a duration: %2 (type e.g. 5 min, 30 s, 100 ms)</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une durée&#xa0;: %2 (saisissez p. ex. 5 min, 30 s, 100 ms)</translation>
    </message>
</context>
<context>
    <name>sw::widgets::ExpressionField</name>
    <message>
        <location filename="../widgets/properties/fields/ExpressionField.cpp" line="112"/>
        <source>Insert a column of the input</source>
        <translation>Insérer une colonne de l’entrée</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/ExpressionField.cpp" line="199"/>
        <source>%1 (not applied)</source>
        <translation>%1 (non appliqué)</translation>
    </message>
</context>
<context>
    <name>sw::widgets::FieldListField</name>
    <message>
        <location filename="../widgets/properties/fields/FieldListField.cpp" line="22"/>
        <source>column, column, ...</source>
        <translation>colonne, colonne, ...</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/FieldListField.cpp" line="102"/>
        <source>not a column of the input</source>
        <translation>pas une colonne de l’entrée</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/FieldListField.cpp" line="105"/>
        <source>%1 (not in the input)</source>
        <translation>%1 (absent de l’entrée)</translation>
    </message>
</context>
<context>
    <name>sw::widgets::InspectorView</name>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="42"/>
        <source>Filter with an expression, e.g. amount &gt; 100 AND category = &apos;books&apos;</source>
        <translation>Filtrer avec une expression, p. ex. amount &gt; 100 AND category = &apos;books&apos;</translation>
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
        <translation>Conserver les enregistrements capturés&#xa0;; les nouveaux sont comptés, pas conservés</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="56"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="60"/>
        <source>Copy as JSON</source>
        <translation>Copier en JSON</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="61"/>
        <source>Copy the selected rows as a JSON array</source>
        <translation>Copier les lignes sélectionnées sous forme de tableau JSON</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="88"/>
        <source>Select a record to see it as JSON</source>
        <translation>Sélectionnez un enregistrement pour le voir en JSON</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="158"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/InspectorView.cpp" line="179"/>
        <source>column %1: %2</source>
        <translation>colonne %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="244"/>
        <source>%Ln captured</source>
        <translation>
            <numerusform>%Ln capturé</numerusform>
            <numerusform>%Ln capturés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="245"/>
        <source>%Ln match the filter</source>
        <translation>
            <numerusform>%Ln correspond au filtre</numerusform>
            <numerusform>%Ln correspondent au filtre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="246"/>
        <source>paused: %Ln arrived and were not kept</source>
        <translation>
            <numerusform>en pause&#xa0;: %Ln arrivé, non conservé</numerusform>
            <numerusform>en pause&#xa0;: %Ln arrivés, non conservés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="247"/>
        <source>%Ln not captured (capture buffer full)</source>
        <translation>
            <numerusform>%Ln non capturé (tampon de capture plein)</numerusform>
            <numerusform>%Ln non capturés (tampon de capture plein)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="249"/>
        <source>%Ln oldest dropped from the table</source>
        <translation>
            <numerusform>%Ln plus ancien retiré du tableau</numerusform>
            <numerusform>%Ln plus anciens retirés du tableau</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="251"/>
        <source>%Ln could not be evaluated</source>
        <translation>
            <numerusform>%Ln n’a pas pu être évalué</numerusform>
            <numerusform>%Ln n’ont pas pu être évalués</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::widgets::KeyValueField</name>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="189"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="189"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="215"/>
        <source>the key is empty</source>
        <translation>la clé est vide</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="231"/>
        <source>duplicate key &apos;%1&apos;</source>
        <translation>clé «&#xa0;%1&#xa0;» en double</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="233"/>
        <source>row %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>sw::widgets::MetricsPanel</name>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="49"/>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="283"/>
        <source>Pause view</source>
        <translation>Figer l’affichage</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="51"/>
        <source>Freeze the charts; data keeps being recorded</source>
        <translation>Figer les graphiques&#xa0;; les données continuent d’être enregistrées</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="55"/>
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="56"/>
        <source>Save the chart shown as a PNG image</source>
        <translation>Enregistrer le graphique affiché comme image PNG</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="59"/>
        <source>Last 5 minutes · 4 updates/s · click a legend entry to hide a line</source>
        <translation>5 dernières minutes · 4 mises à jour/s · cliquez sur une légende pour masquer une courbe</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="88"/>
        <source>Throughput</source>
        <translation>Débit</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="88"/>
        <source>Throughput per node</source>
        <translation>Débit par nœud</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="88"/>
        <source>records/s</source>
        <translation>enregistrements/s</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="89"/>
        <source>Consumer lag</source>
        <translation>Retard du consumer</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="89"/>
        <source>Kafka consumer lag</source>
        <translation>Retard du consumer Kafka</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="89"/>
        <source>records</source>
        <translation>enregistrements</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="90"/>
        <source>Watermark lag</source>
        <translation>Retard du watermark</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="90"/>
        <source>Watermark lag per node</source>
        <translation>Retard du watermark par nœud</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="90"/>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="91"/>
        <source>Backpressure</source>
        <translation>Contre-pression</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="91"/>
        <source>Queue fill per edge</source>
        <translation>Remplissage de la file par liaison</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="91"/>
        <source>% of capacity</source>
        <translation>% de la capacité</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="92"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="92"/>
        <source>Error rate per node</source>
        <translation>Taux d’erreurs par nœud</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="92"/>
        <source>errors/s</source>
        <translation>erreurs/s</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="103"/>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="148"/>
        <source>No Kafka source in this pipeline.</source>
        <translation>Ce pipeline n’a pas de source Kafka.</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="147"/>
        <source>Waiting for consumer lag from the Kafka sources…</source>
        <translation>En attente du retard des consumers des sources Kafka…</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="158"/>
        <source> in</source>
        <translation> entrée</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="160"/>
        <source> out</source>
        <translation> sortie</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="203"/>
        <source>Consumer lag is not reported by the engine yet (MetricsSnapshot has no Kafka partition metrics).</source>
        <translation>Le moteur ne signale pas encore le retard des consumers (MetricsSnapshot ne contient pas de métriques de partition Kafka).</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="217"/>
        <source> total</source>
        <translation> total</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="230"/>
        <source>Watermark lag per node (processing time − watermark)</source>
        <translation>Retard du watermark par nœud (temps de traitement − watermark)</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="231"/>
        <source>Watermark lag per node (newest event time − watermark; event times are historical)</source>
        <translation>Retard du watermark par nœud (temps d’événement le plus récent − watermark&#xa0;; les temps d’événement sont historiques)</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="274"/>
        <source>Prometheus: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Prometheus : &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="283"/>
        <source>Resume view</source>
        <translation>Reprendre l’affichage</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="301"/>
        <source>Export chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="304"/>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="308"/>
        <source>Could not write %1</source>
        <translation>Impossible d’écrire %1</translation>
    </message>
    <message>
        <location filename="../widgets/metrics/MetricsPanel.cpp" line="310"/>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
</context>
<context>
    <name>sw::widgets::NodeCanvas</name>
    <message>
        <location filename="../widgets/canvas/NodeCanvas.cpp" line="157"/>
        <source>Drag a node from the palette to start,
or open an example: File ▸ Open Example</source>
        <translation>Faites glisser un nœud depuis la palette pour commencer,
ou ouvrez un exemple&#xa0;: Fichier ▸ Ouvrir un exemple</translation>
    </message>
</context>
<context>
    <name>sw::widgets::NodePalette</name>
    <message>
        <location filename="../widgets/palette/NodePalette.cpp" line="58"/>
        <source>Search nodes</source>
        <translation>Rechercher des nœuds</translation>
    </message>
    <message>
        <location filename="../widgets/palette/NodePalette.cpp" line="105"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../widgets/palette/NodePalette.cpp" line="107"/>
        <source>Transforms</source>
        <translation>Transformations</translation>
    </message>
    <message>
        <location filename="../widgets/palette/NodePalette.cpp" line="109"/>
        <source>Windows</source>
        <translation>Fenêtres</translation>
    </message>
    <message>
        <location filename="../widgets/palette/NodePalette.cpp" line="111"/>
        <source>Joins</source>
        <translation>Jointures</translation>
    </message>
    <message>
        <location filename="../widgets/palette/NodePalette.cpp" line="113"/>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <location filename="../widgets/palette/NodePalette.cpp" line="115"/>
        <source>Sinks</source>
        <translation>Sorties</translation>
    </message>
</context>
<context>
    <name>sw::widgets::NumberField</name>
    <message>
        <location filename="../widgets/properties/fields/NumberField.cpp" line="108"/>
        <source>expected an integer</source>
        <translation>entier attendu</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/NumberField.cpp" line="109"/>
        <source>expected a number</source>
        <translation>nombre attendu</translation>
    </message>
</context>
<context>
    <name>sw::widgets::PipelineScene</name>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="128"/>
        <source>Release to connect</source>
        <translation>Relâchez pour connecter</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="129"/>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="174"/>
        <source>Cannot connect: %1</source>
        <translation>Connexion impossible&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="183"/>
        <source>Partitioning</source>
        <translation>Partitionnement</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="192"/>
        <source>Auto (key-hash into keyed inputs, else forward or rebalance)</source>
        <translation>Automatique (hachage de clé vers les entrées à clé, sinon forward ou rebalance)</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="193"/>
        <source>Rebalance (round robin over the subtasks)</source>
        <translation>Rebalance (tourniquet sur les sous-tâches)</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="194"/>
        <source>Broadcast (every record to every subtask)</source>
        <translation>Broadcast (chaque enregistrement vers chaque sous-tâche)</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="195"/>
        <source>Forward (subtask i to subtask i)</source>
        <translation>Forward (sous-tâche i vers sous-tâche i)</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="240"/>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="240"/>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="249"/>
        <source>&lt;br/&gt;&lt;i&gt;schema unknown&lt;/i&gt;</source>
        <translation>&lt;br/&gt;&lt;i&gt;schéma inconnu&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/canvas/SceneInteraction.cpp" line="279"/>
        <source>schema unknown</source>
        <translation>schéma inconnu</translation>
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
        <translation>Sélectionnez un nœud sur le canevas pour modifier ses propriétés.</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="57"/>
        <source>e.g. 10 s</source>
        <translation>p. ex. 10 s</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="61"/>
        <source>What a failure inside a run does: restore the last completed checkpoint and run again (Flink&apos;s restart strategies)</source>
        <translation>Ce que fait une défaillance pendant une exécution&#xa0;: restaurer le dernier checkpoint terminé et relancer (stratégies de redémarrage de Flink)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="63"/>
        <source>e.g. 1 s</source>
        <translation>p. ex. 1 s</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="64"/>
        <source>e.g. 1 min</source>
        <translation>p. ex. 1 min</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="65"/>
        <source>Completed checkpoints kept in the data directory</source>
        <translation>Checkpoints terminés conservés dans le répertoire de données</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="66"/>
        <source>Checkpoint failures in a row that fail the run</source>
        <translation>Échecs de checkpoint consécutifs qui font échouer l’exécution</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="80"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="81"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="83"/>
        <source>Delivery</source>
        <translation>Garantie de livraison</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="84"/>
        <source>Parallelism</source>
        <translation>Parallélisme</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="85"/>
        <source>Checkpoint interval</source>
        <translation>Intervalle de checkpoint</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="86"/>
        <source>Schema evolution</source>
        <translation>Évolution du schéma</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="87"/>
        <source>Restart strategy</source>
        <translation>Stratégie de redémarrage</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="88"/>
        <source>Restart attempts</source>
        <translation>Tentatives de redémarrage</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="89"/>
        <source>Restart delay</source>
        <translation>Délai de redémarrage</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="90"/>
        <source>Max restart delay</source>
        <translation>Délai de redémarrage maximal</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="91"/>
        <source>Retained checkpoints</source>
        <translation>Checkpoints conservés</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="92"/>
        <source>Tolerable failed checkpoints</source>
        <translation>Checkpoints échoués tolérés</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="135"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n nœud</numerusform>
            <numerusform>%n nœuds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="137"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n liaison</numerusform>
            <numerusform>%n liaisons</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="154"/>
        <source>expected an integer between 1 and 256 (not applied)</source>
        <translation>entier entre 1 et 256 attendu (non appliqué)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="163"/>
        <source>must be greater than 0 (not applied)</source>
        <translation>doit être supérieur à 0 (non appliqué)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="164"/>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="197"/>
        <source>&apos;%1&apos; is not a duration: %2 (not applied)</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une durée&#xa0;: %2 (non appliqué)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="196"/>
        <source>a delay must not be negative (not applied)</source>
        <translation>un délai ne peut pas être négatif (non appliqué)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="209"/>
        <source>restart attempts: expected an integer between 1 and 1000 (not applied)</source>
        <translation>tentatives de redémarrage&#xa0;: entier entre 1 et 1000 attendu (non appliqué)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="211"/>
        <source>retained checkpoints: expected an integer between 1 and 100 (not applied)</source>
        <translation>checkpoints conservés&#xa0;: entier entre 1 et 100 attendu (non appliqué)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="214"/>
        <source>tolerable failed checkpoints: expected an integer between 1 and 1000 (not applied)</source>
        <translation>checkpoints échoués tolérés&#xa0;: entier entre 1 et 1000 attendu (non appliqué)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="219"/>
        <source>the max restart delay must not be shorter than the delay (not applied)</source>
        <translation>le délai de redémarrage maximal ne peut pas être plus court que le délai (non appliqué)</translation>
    </message>
</context>
<context>
    <name>sw::widgets::ProblemsView</name>
    <message>
        <location filename="../widgets/problems/ProblemsView.cpp" line="40"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../widgets/problems/ProblemsView.cpp" line="40"/>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <location filename="../widgets/problems/ProblemsView.cpp" line="40"/>
        <source>Property</source>
        <translation>Propriété</translation>
    </message>
    <message>
        <location filename="../widgets/problems/ProblemsView.cpp" line="60"/>
        <source>No problems: the pipeline is valid.</source>
        <translation>Aucun problème&#xa0;: le pipeline est valide.</translation>
    </message>
    <message>
        <location filename="../widgets/problems/ProblemsView.cpp" line="104"/>
        <source>pipeline</source>
        <translation>pipeline</translation>
    </message>
</context>
<context>
    <name>sw::widgets::PropertyEditor</name>
    <message>
        <location filename="../widgets/properties/PropertyEditor.cpp" line="133"/>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PropertyEditor.cpp" line="138"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PropertyEditor.cpp" line="205"/>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <location filename="../widgets/properties/PropertyEditor.cpp" line="258"/>
        <source>%1 (not applied)</source>
        <translation>%1 (non appliqué)</translation>
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
        <translation>temps d’événement</translation>
    </message>
    <message>
        <location filename="../widgets/inspector/RecordTableModel.cpp" line="136"/>
        <source>key</source>
        <translation>clé</translation>
    </message>
</context>
<context>
    <name>sw::widgets::SchemaDefField</name>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="157"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="157"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="177"/>
        <source>&apos;%1&apos; is not a column name (letters, digits, _)</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom de colonne (lettres, chiffres, _)</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableFields.cpp" line="179"/>
        <source>%1: &apos;%2&apos; is not a type: %3</source>
        <translation>%1&#xa0;: «&#xa0;%2&#xa0;» n’est pas un type&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>sw::widgets::TableField</name>
    <message>
        <location filename="../widgets/properties/fields/TableField.cpp" line="32"/>
        <source>Add a row</source>
        <translation>Ajouter une ligne</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableField.cpp" line="34"/>
        <source>Remove the selected row</source>
        <translation>Supprimer la ligne sélectionnée</translation>
    </message>
    <message>
        <location filename="../widgets/properties/fields/TableField.cpp" line="104"/>
        <source>row %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>sw::widgets::TextField</name>
    <message>
        <location filename="../widgets/properties/fields/SimpleFields.cpp" line="63"/>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
</context>
</TS>
