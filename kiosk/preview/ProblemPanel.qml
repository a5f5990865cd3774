pragma ComponentBehavior: Bound
import QtQuick
import Passerelle.Preview

// The errors of the last preview build: where (file:line), what, and what to do.
// The editors' tool, not a screen of the kiosk: it does not use the kiosk's Theme (whose
// sizes and fonts belong to a visitor's session on one pack, and which does not exist
// before the first good build), and it is meant to look like a compiler's message.
Rectangle {
    id: root
    required property string summary
    required property ProblemListModel problems

    readonly property int pad: 16
    readonly property int textSize: 20
    readonly property color ink: "#ffffff"
    readonly property color inkHint: "#ffd180"
    readonly property color inkLocation: "#ff8a80"

    color: "#300808"
    border.color: "#ff5252"
    border.width: 3
    implicitHeight: heading.implicitHeight + list.contentHeight + 3 * pad

    Text {
        id: heading
        objectName: "problemSummary"
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: root.pad }
        text: root.summary
        color: root.ink
        font.pixelSize: root.textSize + 4
        font.bold: true
        wrapMode: Text.Wrap
    }

    ListView {
        id: list
        objectName: "problemList"
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: parent.bottom; margins: root.pad }
        clip: true
        spacing: root.pad / 2
        model: root.problems
        delegate: Column {
            id: problem
            required property string location
            required property string message
            required property string hint
            width: ListView.view.width

            Text {
                objectName: "problemLocation"
                width: parent.width
                text: problem.location
                visible: text.length > 0
                color: root.inkLocation
                font.family: "monospace"
                font.pixelSize: root.textSize
                wrapMode: Text.WrapAnywhere
            }
            Text {
                objectName: "problemMessage"
                width: parent.width
                text: problem.message
                color: root.ink
                font.pixelSize: root.textSize
                wrapMode: Text.Wrap
            }
            Text {
                width: parent.width
                text: "→ " + problem.hint
                visible: problem.hint.length > 0
                color: root.inkHint
                font.pixelSize: root.textSize
                wrapMode: Text.Wrap
            }
        }
    }
}
