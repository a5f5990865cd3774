import QtQuick
import Passerelle.Ui

// A pictogram of the pack, drawn at its displayed size. Directional pictograms
// (back, next) are mirrored in right-to-left languages; all others are not.
Image {
    id: root
    property string name
    property bool directional: false
    property int size: Theme.pictogramSize
    // Drawn for a dark surface: by default the colour mode's, or the button's own fill.
    property bool onDark: Theme.contrast

    width: size
    height: size
    sourceSize: Qt.size(size, size)
    source: Theme.pictogramOn(root.name, root.onDark)
    mirror: directional && LayoutMirroring.enabled
    fillMode: Image.PreserveAspectFit
    Accessible.ignored: true
}
