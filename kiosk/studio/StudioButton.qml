import QtQuick

// A large button for people not at ease with computers: a big target, a plain word,
// a colour that says what it does. Never takes the keyboard focus (Space records).
Rectangle {
    id: root
    property alias text: label.text
    property color tint: "#1f5fa8"
    property bool enabled: true
    signal clicked()

    implicitWidth: 260
    implicitHeight: 120
    radius: 18
    color: !root.enabled ? "#c9ccd1" : (tap.pressed ? Qt.darker(root.tint, 1.3) : root.tint)
    opacity: root.enabled ? 1 : 0.6

    Accessible.role: Accessible.Button
    Accessible.name: label.text
    Accessible.onPressAction: if (root.enabled) root.clicked()

    Text {
        id: label
        anchors { fill: parent; margins: 8 }
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: 18
        color: "white"
        font.pixelSize: 40
        font.bold: true
    }

    TapHandler {
        id: tap
        enabled: root.enabled
        onTapped: root.clicked()
    }
}
