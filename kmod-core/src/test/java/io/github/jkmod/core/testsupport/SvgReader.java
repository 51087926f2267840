package io.github.jkmod.core.testsupport;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Opens Graphviz's SVG with the JDK's XML parser (so it must be well-formed) and lists its node
 * and edge groups by their {@code <title>}: {@code <g class="node"><title>NAME</title>} and
 * {@code <g class="edge"><title>A->B</title>}. The DTD Graphviz names is not fetched.
 */
public final class SvgReader {
    /** The titles of the node groups and of the edge groups, in document order. */
    public record Svg(List<String> nodes, List<String> edges) {
    }

    private SvgReader() {
    }

    /**
     * Parses an SVG document.
     *
     * @param svg the document's bytes
     * @return its node and edge titles
     * @throws Exception when it is not well-formed XML or has no {@code svg} root
     */
    public static Svg read(byte[] svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        DocumentBuilder builder = f.newDocumentBuilder();
        Document doc = builder.parse(new ByteArrayInputStream(svg));
        if (!doc.getDocumentElement().getTagName().equals("svg")) {
            throw new IllegalArgumentException("root element " + doc.getDocumentElement().getTagName());
        }
        List<String> nodes = new ArrayList<>();
        List<String> edges = new ArrayList<>();
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            String title = title(g);
            if (g.getAttribute("class").equals("node")) {
                nodes.add(title);
            } else if (g.getAttribute("class").equals("edge")) {
                edges.add(title);
            }
        }
        return new Svg(nodes, edges);
    }

    private static String title(Element g) {
        NodeList children = g.getElementsByTagName("title");
        return children.getLength() == 0 ? "" : children.item(0).getTextContent();
    }
}
