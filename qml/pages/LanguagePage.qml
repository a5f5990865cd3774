pragma ComponentBehavior: Bound
import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui

// Every language by its own name, in its own script; no flags (flags are countries).
// Touching a language selects it (and says its name); the large tick confirms, and the
// whole kiosk switches at once.
Item {
    id: root
    property string selected: Session.language

    Grid {
        id: grid
        anchors { top: parent.top; left: parent.left; right: parent.right; bottom: confirm.top; margins: Theme.margin }
        columns: 4
        spacing: Theme.gap
        readonly property int tileWidth: (width - (columns - 1) * spacing) / columns
        // Tiles 40 mm tall, less (never under 20 mm) when the screen is short or the
        // machine-voice notice takes its place below the screen.
        readonly property int rows: Math.max(1, Math.ceil(languages.count / columns))
        readonly property int tileHeight: Math.max(Theme.touchTarget,
            Math.min(Theme.touchTarget * 2, (height - (rows - 1) * spacing) / rows))

        Repeater {
            id: languages
            model: LanguageListModel { content: Content; language: Session.language }
            delegate: PictogramButton {
                id: button
                required property string code
                required property string endonym
                required property string fontFamily
                required property string audio
                objectName: "language_" + code
                width: grid.tileWidth
                height: grid.tileHeight
                text: endonym
                speech: audio
                spokenKind: "language"
                // In speech mode the activate key (or a double tap) chooses at once.
                function activate() { root.selected = code; Navigator.chooseLanguage(code) }
                checked: code === root.selected
                fill: checked ? Theme.accent : Theme.surface
                ink: checked ? Theme.accentInk : Theme.text
                contentItem: Text {
                    text: button.endonym
                    font.family: button.fontFamily
                    font.pixelSize: Theme.titleSize
                    color: button.ink
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                onClicked: root.selected = code
            }
        }
    }

    PictogramButton {
        id: confirm
        objectName: "languageConfirm"
        anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter; margins: Theme.margin }
        width: Theme.touchTarget * 4
        height: Theme.touchTarget * 1.5
        fillWidth: true
        pictogramName: "check"
        fill: Theme.accent
        ink: Theme.accentInk
        //: Confirms the chosen language
        text: qsTr("OK")
        labelId: "ok"
        // A new visitor goes on to the paper question; otherwise, back (Navigator decides).
        onClicked: Navigator.chooseLanguage(root.selected)
    }
}
