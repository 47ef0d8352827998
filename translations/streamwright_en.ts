<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>sw::app::DashboardViewWidget</name>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="338"/>
        <source>%n window(s)</source>
        <translation>
            <numerusform>%n window</numerusform>
            <numerusform>%n windows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="339"/>
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="340"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="342"/>
        <source>keeps the last %n window(s)</source>
        <translation>
            <numerusform>keeps the last %n window</numerusform>
            <numerusform>keeps the last %n windows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="343"/>
        <source>keeps the last %n row(s)</source>
        <translation>
            <numerusform>keeps the last %n row</numerusform>
            <numerusform>keeps the last %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="346"/>
        <source>%n record(s) arrived faster than shown</source>
        <translation>
            <numerusform>%n record arrived faster than shown</numerusform>
            <numerusform>%n records arrived faster than shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dashboard/DashboardViewWidget.cpp" line="348"/>
        <source>%n record(s) with other columns not shown</source>
        <translation>
            <numerusform>%n record with other columns not shown</numerusform>
            <numerusform>%n records with other columns not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::app::Document</name>
    <message numerus="yes">
        <location filename="../app/document/Document.cpp" line="70"/>
        <source>Move %n Nodes</source>
        <translation>
            <numerusform>Move %n Node</numerusform>
            <numerusform>Move %n Nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/document/NodeCommands.cpp" line="59"/>
        <source>Delete %n Node(s)</source>
        <translation>
            <numerusform>Delete %n Node</numerusform>
            <numerusform>Delete %n Nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/document/NodeCommands.cpp" line="61"/>
        <source>Delete %n Connection(s)</source>
        <translation>
            <numerusform>Delete %n Connection</numerusform>
            <numerusform>Delete %n Connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::app::ExportDialog</name>
    <message numerus="yes">
        <location filename="../app/export/ExportDialog.cpp" line="106"/>
        <source>%n file(s) for job &apos;%1&apos;.</source>
        <translation>
            <numerusform>%n file for job &apos;%1&apos;.</numerusform>
            <numerusform>%n files for job &apos;%1&apos;.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/export/ExportDialog.cpp" line="170"/>
        <source>Saved %n file(s) to %1.</source>
        <translation>
            <numerusform>Saved %n file to %1.</numerusform>
            <numerusform>Saved %n files to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::app::MainWindow</name>
    <message numerus="yes">
        <location filename="../app/ui/MainWindow.cpp" line="154"/>
        <location filename="../app/ui/MainWindow.cpp" line="157"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindow.cpp" line="156"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindow.cpp" line="161"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindow.cpp" line="163"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/MainWindowEdit.cpp" line="56"/>
        <source>Copied %n node(s)</source>
        <translation>
            <numerusform>Copied %n node</numerusform>
            <numerusform>Copied %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::widgets::DlqBrowserView</name>
    <message numerus="yes">
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="309"/>
        <source>%n records selected.</source>
        <translation>
            <numerusform>%n record selected.</numerusform>
            <numerusform>%n records selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="362"/>
        <source>%Ln error records</source>
        <translation>
            <numerusform>%Ln error record</numerusform>
            <numerusform>%Ln error records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="364"/>
        <source>, %Ln shown</source>
        <translation>
            <numerusform>, %Ln shown</numerusform>
            <numerusform>, %Ln shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="365"/>
        <source> · %Ln not captured (capture buffer full)</source>
        <translation>
            <numerusform> · %Ln not captured (capture buffer full)</numerusform>
            <numerusform> · %Ln not captured (capture buffer full)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/dlq/DlqBrowserView.cpp" line="366"/>
        <source> · %Ln oldest dropped</source>
        <translation>
            <numerusform> · %Ln oldest dropped</numerusform>
            <numerusform> · %Ln oldest dropped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::widgets::InspectorView</name>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="244"/>
        <source>%Ln captured</source>
        <translation>
            <numerusform>%Ln captured</numerusform>
            <numerusform>%Ln captured</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="245"/>
        <source>%Ln match the filter</source>
        <translation>
            <numerusform>%Ln matches the filter</numerusform>
            <numerusform>%Ln match the filter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="246"/>
        <source>paused: %Ln arrived and were not kept</source>
        <translation>
            <numerusform>paused: %Ln arrived and was not kept</numerusform>
            <numerusform>paused: %Ln arrived and were not kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="247"/>
        <source>%Ln not captured (capture buffer full)</source>
        <translation>
            <numerusform>%Ln not captured (capture buffer full)</numerusform>
            <numerusform>%Ln not captured (capture buffer full)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="249"/>
        <source>%Ln oldest dropped from the table</source>
        <translation>
            <numerusform>%Ln oldest dropped from the table</numerusform>
            <numerusform>%Ln oldest dropped from the table</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/inspector/InspectorView.cpp" line="251"/>
        <source>%Ln could not be evaluated</source>
        <translation>
            <numerusform>%Ln could not be evaluated</numerusform>
            <numerusform>%Ln could not be evaluated</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::widgets::PipelineSettingsForm</name>
    <message numerus="yes">
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="135"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/properties/PipelineSettingsForm.cpp" line="137"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
</context>
</TS>
